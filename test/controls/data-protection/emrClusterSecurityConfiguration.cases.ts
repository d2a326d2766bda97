import control from '../../../src/controls/data-protection/emrClusterSecurityConfiguration.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::EMR::Cluster
    Properties:
      Name: etl
      ReleaseLabel: emr-7.1.0
      JobFlowRole: EMR_EC2_DefaultRole
      ServiceRole: EMR_DefaultRole
      SecurityConfiguration: secure # <--
      Instances:
        KeepJobFlowAliveWhenNoSteps: true
`,
    tf(`resource "aws_emr_cluster" "etl" {
  name                   = "etl"
  release_label          = "emr-7.1.0"
  service_role           = "EMR_DefaultRole"
  security_configuration = "secure" # <--
}
`, { name: 'security_configuration set' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::EMR::Cluster
    Properties:
      Name: etl
      ReleaseLabel: emr-7.1.0
      JobFlowRole: EMR_EC2_DefaultRole
      ServiceRole: EMR_DefaultRole
      Instances:
        KeepJobFlowAliveWhenNoSteps: true
` },
    tf(`resource "aws_emr_cluster" "etl" { # <--
  name          = "etl"
  release_label = "emr-7.1.0"
  service_role  = "EMR_DefaultRole"
}
`, { name: 'left out' }),
  ],
  unknown: [
    tf(`variable "sc" {
  type = string
}

resource "aws_emr_cluster" "etl" {
  name                   = "etl"
  release_label          = "emr-7.1.0"
  service_role           = "EMR_DefaultRole"
  security_configuration = var.sc # <--
}
`, { name: 'from a variable' }),
  ],
});
