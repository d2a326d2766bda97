import control from '../../../src/controls/resource-governance/taggedResources.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      Tags: # <--
        - Key: owner
          Value: payments
`,
    `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Tags: # <--
      owner: payments
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
`,
    { name: 'EFS file system tags', template: `Resources:
  Fs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
      FileSystemTags: # <--
        - Key: owner
          Value: payments
` },
    { name: 'a state machine of Step Functions tags with a list of entries', template: `Resources:
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/flow
      DefinitionString: '{}'
      Tags: # <--
        - Key: owner
          Value: payments
` },
    tf(`resource "aws_sqs_queue" "orders" {
  name = "orders"

  tags = { # <--
    owner       = "payments"
    environment = "prod"
  }
}
`),
    tf(`resource "aws_efs_file_system" "shared" {
  encrypted = true
  tags = { # <--
    owner = "payments"
  }
}
`, { name: 'EFS file system tags' }),
    tf(`provider "aws" {
  region = "eu-west-1"
  default_tags { # <--
    tags = {
      owner = "payments"
    }
  }
}

resource "aws_sqs_queue" "orders" {
  name = "orders"
}
`, { name: 'tags from the provider\'s default_tags' }),
  ],
  fail: [
    `Resources:
  Queue: # <--
    Type: AWS::SQS::Queue
`,
    `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
      Tags: [] # <--
`,
    { name: 'EFS file system without tags', template: `Resources:
  Fs: # <--
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
` },
    tf(`resource "aws_sqs_queue" "orders" { # <--
  name = "orders"
}
`, { name: 'no tags' }),
    tf(`resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = {} # <--
}
`, { name: 'an empty tag map' }),
  ],
  unknown: [
    tf(`variable "tags" {
  type = map(string)
}

resource "aws_kms_key" "data" {
  description = "data"
  tags        = var.tags # <--
}
`, { name: 'tags from a variable without a value' }),
  ],
});
