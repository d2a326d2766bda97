import control from '../../../src/controls/network/dmsReplicationNotPublic.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
      ReplicationSubnetGroupIdentifier: private
      PubliclyAccessible: false # <--
`,
    tf(`resource "aws_dms_replication_instance" "migrate" {
  replication_instance_id     = "migrate"
  replication_instance_class  = "dms.t3.medium"
  replication_subnet_group_id = "private"
  publicly_accessible         = false # <--
}
`, { name: 'false' }),
    tf(`resource "aws_dms_replication_instance" "migrate" { # <--
  replication_instance_id     = "migrate"
  replication_instance_class  = "dms.t3.medium"
  replication_subnet_group_id = "private"
}
`, { name: 'left out (provider sends false)' }),
  ],
  fail: [
    { name: 'left out (public by default)', template: `Resources:
  R: # <--
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
      ReplicationSubnetGroupIdentifier: private
` },
    `Resources:
  R:
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
      ReplicationSubnetGroupIdentifier: private
      PubliclyAccessible: true # <--
`,
    tf(`resource "aws_dms_replication_instance" "migrate" {
  replication_instance_id     = "migrate"
  replication_instance_class  = "dms.t3.medium"
  replication_subnet_group_id = "private"
  publicly_accessible         = true # <--
}
`, { name: 'true' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Public: { Type: String }
Resources:
  R:
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
      ReplicationSubnetGroupIdentifier: private
      PubliclyAccessible: !Ref Public # <--
` },
    tf(`variable "public" {
  type = bool
}

resource "aws_dms_replication_instance" "migrate" {
  replication_instance_id     = "migrate"
  replication_instance_class  = "dms.t3.medium"
  replication_subnet_group_id = "private"
  publicly_accessible         = var.public # <--
}
`, { name: 'from a variable' }),
  ],
});
