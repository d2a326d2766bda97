import control from '../../../src/controls/data-protection/eksSecretsEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    { name: 'secrets encrypted with a key of the template', template: `Resources:
  Key:
    Type: AWS::KMS::Key
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a, subnet-0b]
      EncryptionConfig:
        - Provider:
            KeyArn: !GetAtt Key.Arn
          Resources: # <--
            - secrets
` },
    tf(`resource "aws_kms_key" "eks" {
  enable_key_rotation = true
}

resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids = ["subnet-0a"]
  }

  encryption_config {
    resources = ["secrets"] # <--
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}
`, { name: 'encryption_config for secrets with a key of the configuration' }),
  ],
  fail: [
    { name: 'no encryption configuration', template: `Resources:
  Cluster: # <--
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a, subnet-0b]
` },
    { name: 'a configuration that does not cover secrets', template: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a, subnet-0b]
      EncryptionConfig:
        - Provider:
            KeyArn: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
          Resources: [configmaps] # <--
` },
    { name: 'secrets listed without a key', template: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a]
      EncryptionConfig:
        - Resources: [secrets] # <--
` },
    tf(`resource "aws_eks_cluster" "main" { # <--
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids = ["subnet-0a"]
  }
}
`, { name: 'no encryption_config' }),
  ],
  unknown: [
    { name: 'encryption configuration chosen by a condition on a parameter', template: `Parameters:
  Encrypt: { Type: String }
Conditions:
  DoEncrypt: !Equals [!Ref Encrypt, "yes"]
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a]
      EncryptionConfig: !If # <--
        - DoEncrypt
        - - Provider: { KeyArn: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab }
            Resources: [secrets]
        - !Ref AWS::NoValue
` },
    tf(`variable "kms_key_arn" {
  type = string
}

resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids = ["subnet-0a"]
  }

  dynamic "encryption_config" { # <--
    for_each = var.kms_key_arn == "" ? [] : [var.kms_key_arn]
    content {
      resources = ["secrets"]
      provider {
        key_arn = encryption_config.value
      }
    }
  }
}
`, { name: 'encryption_config present only when a variable without a value is set' }),
  ],
});
