import control from '../../../src/controls/iam/accessAnalyzerExternalAccess.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    { name: 'account analyzer', template: `Resources:
  Analyzer:
    Type: AWS::AccessAnalyzer::Analyzer
    Properties:
      AnalyzerName: external-access
      Type: ACCOUNT # <--
` },
    { name: 'organisation analyzer', template: `Resources:
  Analyzer:
    Type: AWS::AccessAnalyzer::Analyzer
    Properties:
      Type: ORGANIZATION # <--
` },
  ],
  fail: [
    { name: 'only an unused-access analyzer', template: `Resources:
  Unused:
    Type: AWS::AccessAnalyzer::Analyzer
    Properties:
      Type: ACCOUNT_UNUSED_ACCESS # <--
      AnalyzerConfiguration:
        UnusedAccessConfiguration: { UnusedAccessAge: 90 }
` },
  ],
  unknown: [
    { name: 'type from a parameter', template: `Parameters:
  AnalyzerType: { Type: String }
Resources:
  Analyzer:
    Type: AWS::AccessAnalyzer::Analyzer
    Properties:
      Type: !Ref AnalyzerType # <--
` },
  ],
  not_applicable: [
    { name: 'unused-access analyzer next to an external one', template: `Resources:
  External:
    Type: AWS::AccessAnalyzer::Analyzer
    Properties:
      Type: ACCOUNT
  Unused:
    Type: AWS::AccessAnalyzer::Analyzer
    Properties:
      Type: ACCOUNT_UNUSED_ACCESS
` },
  ],
});
