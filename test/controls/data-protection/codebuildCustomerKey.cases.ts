import control from '../../../src/controls/data-protection/codebuildCustomerKey.js';
import { cases } from '../../helpers/cases.js';
import { SOURCE, environment, project } from '../builders/codebuild.js';

export default cases(control, {
  pass: [
    { name: 'customer managed key', template: project(`${SOURCE}${environment()}      EncryptionKey: !GetAtt Key.Arn # <--
  Key:
    Type: AWS::KMS::Key
`) },
  ],
  fail: [
    { name: 'no key: the AWS managed S3 key', template: project(SOURCE + environment()).replace('  Build:\n', '  Build: # <--\n') },
  ],
  unknown: [
    { name: 'key from a parameter without default', template: project(`${SOURCE}${environment()}      EncryptionKey: !Ref KeyArn # <--
`, 'Parameters:\n  KeyArn: { Type: String }\n') },
  ],
});
