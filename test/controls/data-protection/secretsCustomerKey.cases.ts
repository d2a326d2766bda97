import control from '../../../src/controls/data-protection/secretsCustomerKey.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  K:\n    Type: AWS::KMS::Key\n    Properties: {}\n  X:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      KmsKeyId: !Ref K\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      Name: s\n",
    "Resources:\n  X:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      KmsKeyId: alias/aws/secretsmanager\n",
  ],
  unknown: [
    { name: "key from parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      KmsKeyId: !Ref P\n" },
  ],
});
