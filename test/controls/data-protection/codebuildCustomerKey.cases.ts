import control from '../../../src/controls/data-protection/codebuildCustomerKey.js';
import { cases, tf } from '../../helpers/cases.js';
import { SOURCE, TF_SOURCE, environment, project, tfEnvironment, tfProject } from '../builders/codebuild.js';

export default cases(control, {
  pass: [
    { name: 'customer managed key', template: project(`${SOURCE}${environment()}      EncryptionKey: !GetAtt Key.Arn # <--
  Key:
    Type: AWS::KMS::Key
`) },
    tf(tfProject(`${TF_SOURCE}${tfEnvironment()}
  encryption_key = aws_kms_key.build.arn # <--
`, 'resource "aws_kms_key" "build" {\n  enable_key_rotation = true\n}\n\n'), { name: 'encryption_key names a customer managed key' }),
  ],
  fail: [
    { name: 'no key: the AWS managed S3 key', template: project(SOURCE + environment()).replace('  Build:\n', '  Build: # <--\n') },
    tf(tfProject(TF_SOURCE + tfEnvironment()).replace('"build" {\n', '"build" { # <--\n'), { name: 'no encryption_key: the AWS managed S3 key' }),
  ],
  unknown: [
    { name: 'key from a parameter without default', template: project(`${SOURCE}${environment()}      EncryptionKey: !Ref KeyArn # <--
`, 'Parameters:\n  KeyArn: { Type: String }\n') },
    tf(tfProject(`${TF_SOURCE}${tfEnvironment()}
  encryption_key = var.key_arn # <--
`, 'variable "key_arn" {\n  type = string\n}\n\n'), { name: 'encryption_key from a variable without a value' }),
  ],
});
