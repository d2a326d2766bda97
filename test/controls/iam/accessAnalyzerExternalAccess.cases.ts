import control from '../../../src/controls/iam/accessAnalyzerExternalAccess.js';
import { cases, tf } from '../../helpers/cases.js';

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
    tf(`resource "aws_accessanalyzer_analyzer" "external" { # <--
  analyzer_name = "external-access"
}
`, { name: 'type left out: the provider creates an ACCOUNT analyzer' }),
    tf(`resource "aws_accessanalyzer_analyzer" "org" {
  analyzer_name = "org-external-access"
  type          = "ORGANIZATION" # <--
}
`, { name: 'organisation analyzer' }),
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
    tf(`resource "aws_accessanalyzer_analyzer" "unused" {
  analyzer_name = "unused-access"
  type          = "ACCOUNT_UNUSED_ACCESS" # <--

  configuration {
    unused_access {
      unused_access_age = 90
    }
  }
}
`, { name: 'only an unused-access analyzer' }),
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
    tf(`variable "analyzer_type" {
  type = string
}

resource "aws_accessanalyzer_analyzer" "this" {
  analyzer_name = "access"
  type          = var.analyzer_type # <--
}
`, { name: 'type from a variable without a value' }),
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
    tf(`resource "aws_accessanalyzer_analyzer" "external" {
  analyzer_name = "external-access"
}

resource "aws_accessanalyzer_analyzer" "unused" {
  analyzer_name = "unused-access"
  type          = "ORGANIZATION_UNUSED_ACCESS"
}
`, { name: 'unused-access analyzer next to a default (ACCOUNT) one' }),
  ],
});
