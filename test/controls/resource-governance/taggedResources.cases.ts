import control from '../../../src/controls/resource-governance/taggedResources.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      Tags: # <--
        - Key: owner
          Value: payments`,
    `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Tags:
      owner: payments
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/`,
    { name: 'EFS keeps its tags in FileSystemTags', template: `Resources:
  Fs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
      FileSystemTags: # <--
        - Key: owner
          Value: payments` },
    { name: 'a state machine of Step Functions tags with a list of entries', template: `Resources:
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/flow
      DefinitionString: '{}'
      Tags: # <--
        - Key: owner
          Value: payments` },
  ],
  fail: [
    `Resources:
  Queue: # <--
    Type: AWS::SQS::Queue`,
    `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
      Tags: [] # <--`,
    { name: 'an EFS file system without FileSystemTags', template: `Resources:
  Fs: # <--
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true` },
  ],
});
