import control from '../../../src/controls/resource-governance/taggedResources.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
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
  ],
  fail: [
    `Resources:
  Queue:
    Type: AWS::SQS::Queue`,
    `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
      Tags: []`,
  ],
});
