import control from '../../../src/controls/resilience/dmsMultiAz.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
      ReplicationSubnetGroupIdentifier: private
      MultiAZ: true # <--
`,
    tf(`resource "aws_dms_replication_instance" "migrate" {
  replication_instance_id     = "migrate"
  replication_instance_class  = "dms.t3.medium"
  replication_subnet_group_id = "private"
  multi_az                    = true # <--
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
`, { name: 'left out' }),
    tf(`resource "aws_dms_replication_instance" "migrate" {
  replication_instance_id     = "migrate"
  replication_instance_class  = "dms.t3.medium"
  replication_subnet_group_id = "private"
  multi_az                    = false # <--
}
`, { name: 'false' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Multi: { Type: String }
Resources:
  R:
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
      ReplicationSubnetGroupIdentifier: private
      MultiAZ: !Ref Multi # <--
` },
    tf(`variable "multi" {
  type = bool
}

resource "aws_dms_replication_instance" "migrate" {
  replication_instance_id    = "migrate"
  replication_instance_class = "dms.t3.medium"
  multi_az                   = var.multi # <--
}
`, { name: 'from a variable' }),
  ],
});
