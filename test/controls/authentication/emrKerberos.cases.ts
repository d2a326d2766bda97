import control from '../../../src/controls/authentication/emrKerberos.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Parameters:
  KdcPassword: { Type: String }
Resources:
  R:
    Type: AWS::EMR::Cluster
    Properties:
      Name: etl
      ReleaseLabel: emr-7.1.0
      JobFlowRole: EMR_EC2_DefaultRole
      ServiceRole: EMR_DefaultRole
      SecurityConfiguration: kerberos
      Instances:
        KeepJobFlowAliveWhenNoSteps: true
      KerberosAttributes: # <--
        Realm: EC2.INTERNAL
        KdcAdminPassword: !Ref KdcPassword
`,
    tf(`variable "kdc_password" {
  type = string
}

resource "aws_emr_cluster" "etl" {
  name                   = "etl"
  release_label          = "emr-7.1.0"
  service_role           = "EMR_DefaultRole"
  security_configuration = "kerberos"
  
  kerberos_attributes { # <--
    realm              = "EC2.INTERNAL"
    kdc_admin_password = var.kdc_password
  }
}
`, { name: 'kerberos_attributes' }),
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
      SecurityConfiguration: kerberos
      Instances:
        KeepJobFlowAliveWhenNoSteps: true
` },
    tf(`resource "aws_emr_cluster" "etl" { # <--
  name                   = "etl"
  release_label          = "emr-7.1.0"
  service_role           = "EMR_DefaultRole"
  security_configuration = "kerberos"
}
`, { name: 'left out' }),
  ],
  unknown: [
    tf(`variable "kerberos" {
  type = list(object({ realm = string, password = string }))
}

resource "aws_emr_cluster" "etl" {
  name                   = "etl"
  release_label          = "emr-7.1.0"
  service_role           = "EMR_DefaultRole"
  security_configuration = "kerberos"
  
  dynamic "kerberos_attributes" { # <--
    for_each = var.kerberos
    content {
      realm              = kerberos_attributes.value.realm
      kdc_admin_password = kerberos_attributes.value.password
    }
  }
}
`, { name: 'dynamic block over a variable without a value' }),
    { name: 'chosen by a condition on a parameter without a value', template: `Parameters:
  Kerberos: { Type: String }
Conditions:
  UseKerberos: !Equals [!Ref Kerberos, 'yes']
Resources:
  R:
    Type: AWS::EMR::Cluster
    Properties:
      Name: etl
      ReleaseLabel: emr-7.1.0
      JobFlowRole: EMR_EC2_DefaultRole
      ServiceRole: EMR_DefaultRole
      SecurityConfiguration: kerberos
      Instances:
        KeepJobFlowAliveWhenNoSteps: true
      KerberosAttributes: !If # <--
        - UseKerberos
        - { Realm: EC2.INTERNAL, KdcAdminPassword: secret }
        - !Ref AWS::NoValue
` },
  ],
});
