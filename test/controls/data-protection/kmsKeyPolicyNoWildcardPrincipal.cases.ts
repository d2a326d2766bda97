import control from '../../../src/controls/data-protection/kmsKeyPolicyNoWildcardPrincipal.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root' }\n            Action: kms:*\n            Resource: '*'\n",
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n",
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: '*' }\n            Action: [kms:Decrypt]\n            Resource: '*'\n            Condition: { StringEquals: { kms:CallerAccount: '123456789012', kms:ViaService: s3.us-east-1.amazonaws.com } }\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow\n            Principal: '*'\n            Action: kms:*\n            Resource: '*'\n",
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: ['*'] }\n            Action: kms:Decrypt\n            Resource: '*'\n",
  ],
  unknown: [
    { name: "principal from parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: !Ref P }\n            Action: kms:Decrypt\n            Resource: '*'\n" },
  ],
});
