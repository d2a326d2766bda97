import control from '../../../src/controls/data-protection/redshiftCustomerKey.js';
import { cases, tf } from '../../helpers/cases.js';
import { cluster } from '../builders/redshift.js';

const tfCluster = (body: string, before = '') => `${before}resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  master_username        = "admin"
  manage_master_password = true
${body ? body.replace(/\n?$/, '\n') : ''}}
`;

export default cases(control, {
  pass: [
    { name: 'customer managed key', template: cluster('      Encrypted: true\n      KmsKeyId: !GetAtt Key.Arn # <--', { after: '  Key:\n    Type: AWS::KMS::Key\n' }) },
    tf(tfCluster(`  encrypted              = true
  kms_key_id             = aws_kms_key.warehouse.arn # <--`, 'resource "aws_kms_key" "warehouse" {\n  enable_key_rotation = true\n}\n\n'), { name: 'kms_key_id names a key of the configuration' }),
  ],
  fail: [
    { name: 'encrypted without a key', template: cluster('      Encrypted: true', { marked: true }) },
    tf(tfCluster('  encrypted              = true').replace('"warehouse" {\n', '"warehouse" { # <--\n'), { name: 'encrypted = true without kms_key_id' }),
  ],
  unknown: [
    { name: 'key from a parameter without default', template: cluster('      Encrypted: true\n      KmsKeyId: !Ref KeyArn # <--', { before: 'Parameters:\n  KeyArn: { Type: String }\n' }) },
    tf(tfCluster(`  encrypted              = var.encrypt # <--`, 'variable "encrypt" {\n  type = bool\n}\n\n'), { name: 'encrypted from a variable without a value, no key' }),
  ],
  not_applicable: [
    { name: 'not encrypted (AT-RSH-001 fails it)', template: cluster('      Encrypted: false') },
    tf(tfCluster('  encrypted              = false'), { name: 'encrypted = false' }),
  ],
});
