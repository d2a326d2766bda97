import control from '../../../src/controls/data-protection/eksSecretsEncrypted.js';
import { cases } from '../../helpers/cases.js';

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
  ],
});
