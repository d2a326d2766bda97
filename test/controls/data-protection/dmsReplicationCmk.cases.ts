import control from '../../../src/controls/data-protection/dmsReplicationCmk.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
      PubliclyAccessible: false
      KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/abc # <--
`,
    tf(`resource "aws_kms_key" "dms" {}

resource "aws_dms_replication_instance" "migrate" {
  replication_instance_id    = "migrate"
  replication_instance_class = "dms.t3.medium"
  kms_key_arn                = aws_kms_key.dms.arn # <--
}
`, { name: 'key from aws_kms_key' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
      PubliclyAccessible: false
` },
    tf(`resource "aws_dms_replication_instance" "migrate" { # <--
  replication_instance_id    = "migrate"
  replication_instance_class = "dms.t3.medium"
}
`, { name: 'left out' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Key: { Type: String }
Resources:
  R:
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
      PubliclyAccessible: false
      KmsKeyId: !Ref Key # <--
` },
    tf(`variable "key" {
  type = string
}

resource "aws_dms_replication_instance" "migrate" {
  replication_instance_id    = "migrate"
  replication_instance_class = "dms.t3.medium"
  kms_key_arn                = var.key # <--
}
`, { name: 'from a variable' }),
  ],
});
