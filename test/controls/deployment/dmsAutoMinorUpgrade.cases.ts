import control from '../../../src/controls/deployment/dmsAutoMinorUpgrade.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
      ReplicationSubnetGroupIdentifier: private
      AutoMinorVersionUpgrade: true # <--
`,
    tf(`resource "aws_dms_replication_instance" "migrate" {
  replication_instance_id     = "migrate"
  replication_instance_class  = "dms.t3.medium"
  replication_subnet_group_id = "private"
  auto_minor_version_upgrade  = true # <--
}
`, { name: 'true' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
      ReplicationSubnetGroupIdentifier: private
` },
    tf(`resource "aws_dms_replication_instance" "migrate" { # <--
  replication_instance_id     = "migrate"
  replication_instance_class  = "dms.t3.medium"
  replication_subnet_group_id = "private"
}
`, { name: 'left out (provider sends false)' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Upgrade: { Type: String }
Resources:
  R:
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
      ReplicationSubnetGroupIdentifier: private
      AutoMinorVersionUpgrade: !Ref Upgrade # <--
` },
    tf(`variable "upgrade" {
  type = bool
}

resource "aws_dms_replication_instance" "migrate" {
  replication_instance_id    = "migrate"
  replication_instance_class = "dms.t3.medium"
  auto_minor_version_upgrade = var.upgrade # <--
}
`, { name: 'from a variable' }),
  ],
});
