import control from '../../../src/controls/audit/wafLogging.js';
import { cases } from '../../helpers/cases.js';
import { rateRule, webAcl } from '../builders/waf.js';

export default cases(control, {
  pass: [
    { name: 'logging configuration for the web ACL', template: webAcl(rateRule(), { after: `  AclLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: aws-waf-logs-app
  AclLogging:
    Type: AWS::WAFv2::LoggingConfiguration
    Properties:
      ResourceArn: !GetAtt Acl.Arn # <--
      LogDestinationConfigs: [!GetAtt AclLogs.Arn]
` }) },
  ],
  fail: [
    { name: 'no logging configuration', template: webAcl(rateRule()).replace('  Acl:\n', '  Acl: # <--\n') },
  ],
});
