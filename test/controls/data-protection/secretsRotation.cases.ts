import control from '../../../src/controls/data-protection/secretsRotation.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  S:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      GenerateSecretString: {}\n  Rot:\n    Type: AWS::SecretsManager::RotationSchedule\n    Properties:\n      SecretId: !Ref S # <--\n      RotationLambdaARN: arn:aws:lambda:us-east-1:123456789012:function:rot\n      RotationRules: { AutomaticallyAfterDays: 30 }\n",
  ],
  fail: [
    "Resources:\n  X: # <--\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      GenerateSecretString: {}\n",
    "Resources:\n  S: # <--\n    Type: AWS::SecretsManager::Secret\n    Properties: { Name: a }\n  Other:\n    Type: AWS::SecretsManager::Secret\n    Properties: { Name: b }\n  Rot:\n    Type: AWS::SecretsManager::RotationSchedule\n    Properties:\n      SecretId: !Ref Other\n      RotationRules: { AutomaticallyAfterDays: 30 }\n",
  ],
});
