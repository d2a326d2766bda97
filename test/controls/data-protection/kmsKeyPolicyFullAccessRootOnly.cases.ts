import control from '../../../src/controls/data-protection/kmsKeyPolicyFullAccessRootOnly.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root' }\n            Action: kms:*\n            Resource: '*'\n          - Effect: Allow\n            Principal: { AWS: arn:aws:iam::123456789012:role/app }\n            Action: [kms:Decrypt, kms:GenerateDataKey*]\n            Resource: '*'\n",
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: default policy\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: arn:aws:iam::123456789012:role/app }\n            Action: kms:*\n            Resource: '*'\n",
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: logs.amazonaws.com }\n            Action: '*'\n            Resource: '*'\n",
  ],
  unknown: [
    { name: "principal from parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: !Ref P }\n            Action: kms:*\n            Resource: '*'\n" },
  ],
});
