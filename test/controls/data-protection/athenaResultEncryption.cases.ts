import control from '../../../src/controls/data-protection/athenaResultEncryption.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::Athena::WorkGroup
    Properties:
      Name: analysts
      WorkGroupConfiguration:
        ResultConfiguration:
          OutputLocation: s3://results/
          EncryptionConfiguration:
            EncryptionOption: SSE_KMS # <--
            KmsKey: alias/athena
`,
    tf(`resource "aws_athena_workgroup" "analysts" {
  name = "analysts"
  
  configuration {
    result_configuration {
      output_location = "s3://results/"
  
      encryption_configuration {
        encryption_option = "SSE_KMS" # <--
        kms_key_arn       = "arn:aws:kms:eu-west-1:111122223333:key/abc"
      }
    }
  }
}
`, { name: 'SSE_KMS' }),
  ],
  fail: [
    { name: 'no encryption configuration', template: `Resources:
  R:
    Type: AWS::Athena::WorkGroup
    Properties:
      Name: analysts
      WorkGroupConfiguration:
        ResultConfiguration: # <--
          OutputLocation: s3://results/
` },
    tf(`resource "aws_athena_workgroup" "analysts" {
  name = "analysts"
  
  configuration {
    result_configuration {
      output_location = "s3://results/" # <--
    }
  }
}
`, { name: 'no encryption_configuration' }),
  ],
  unknown: [
    tf(`variable "option" {
  type = string
}

resource "aws_athena_workgroup" "analysts" {
  name = "analysts"
  
  configuration {
    result_configuration {
      encryption_configuration {
        encryption_option = var.option # <--
      }
    }
  }
}
`, { name: 'from a variable' }),
  ],
});
