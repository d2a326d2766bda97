import control from '../../../src/controls/data-protection/ecrKmsEncryption.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      EncryptionConfiguration:
        EncryptionType: KMS # <--
        KmsKey: !GetAtt Key.Arn
  Key:
    Type: AWS::KMS::Key
`,
    tf(`resource "aws_kms_key" "ecr" {
  enable_key_rotation = true
}

resource "aws_ecr_repository" "app" {
  name = "app"

  encryption_configuration {
    encryption_type = "KMS" # <--
    kms_key         = aws_kms_key.ecr.arn
  }
}
`, { name: 'encryption_type = KMS with a customer key' }),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::ECR::Repository
`,
    `Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      EncryptionConfiguration: { EncryptionType: AES256 } # <--
`,
    tf(`resource "aws_ecr_repository" "app" { # <--
  name = "app"
}
`, { name: 'no encryption_configuration (AES256)' }),
    tf(`resource "aws_ecr_repository" "app" {
  name = "app"

  encryption_configuration {
    encryption_type = "AES256" # <--
  }
}
`, { name: 'encryption_type = AES256' }),
  ],
  unknown: [
    tf(`variable "ecr_encryption_type" {
  type = string
}

resource "aws_ecr_repository" "app" {
  name = "app"

  encryption_configuration {
    encryption_type = var.ecr_encryption_type # <--
  }
}
`, { name: 'encryption type from a variable without a value' }),
  ],
});
