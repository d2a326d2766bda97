import control from '../../../src/controls/data-protection/emrAtRestEncryption.js';
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
          EnableAtRestEncryption: true # <--
          EnableInTransitEncryption: true
`,
    tf(`resource "aws_emr_security_configuration" "secure" {
  name = "secure"
  
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true # <--
      EnableInTransitEncryption = true
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
          EnableAtRestEncryption: false # <--
          EnableInTransitEncryption: true
`,
    tf(`resource "aws_emr_security_configuration" "secure" {
  name = "secure"
  
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = false # <--
      EnableInTransitEncryption = true
    }
  })
}
`, { name: 'jsonencode with false' }),
  ],
  unknown: [
    tf(`variable "rest" {
  type = bool
}

resource "aws_emr_security_configuration" "secure" {
  name = "secure"
  
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = var.rest # <--
      EnableInTransitEncryption = true
    }
  })
}
`, { name: 'from a variable' }),
  ],
});
