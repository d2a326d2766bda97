import control from '../../../src/controls/data-protection/emrInTransitEncryption.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::EMR::SecurityConfiguration
    Properties:
      Name: secure
      SecurityConfiguration:
        EncryptionConfiguration:
          EnableAtRestEncryption: true
          EnableInTransitEncryption: true # <--
`,
    tf(`resource "aws_emr_security_configuration" "secure" {
  name = "secure"
  
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = true # <--
    }
  })
}
`, { name: 'jsonencode with true' }),
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::EMR::SecurityConfiguration
    Properties:
      Name: secure
      SecurityConfiguration:
        EncryptionConfiguration:
          EnableAtRestEncryption: true
          EnableInTransitEncryption: false # <--
`,
    tf(`resource "aws_emr_security_configuration" "secure" {
  name = "secure"
  
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = false # <--
    }
  })
}
`, { name: 'jsonencode with false' }),
    { name: 'no EncryptionConfiguration', template: `Resources:
  R:
    Type: AWS::EMR::SecurityConfiguration
    Properties:
      Name: secure
      SecurityConfiguration: # <--
        InstanceMetadataServiceConfiguration:
          MinimumInstanceMetadataServiceVersion: 2
` },
  ],
  unknown: [
    tf(`variable "tr" {
  type = bool
}

resource "aws_emr_security_configuration" "secure" {
  name = "secure"
  
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = var.tr # <--
    }
  })
}
`, { name: 'from a variable' }),
  ],
});
