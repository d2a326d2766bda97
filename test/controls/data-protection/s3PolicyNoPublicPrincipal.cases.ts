import control from '../../../src/controls/data-protection/s3PolicyNoPublicPrincipal.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root' }
            Action: 's3:GetObject'
            Resource: !Sub '\${B.Arn}/*'
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: DenyInsecure
            Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: [!GetAtt B.Arn, !Sub '\${B.Arn}/*']
            Condition:
              Bool:
                'aws:SecureTransport': false
`,
    { name: "any principal restricted to the organisation", template: `Resources:
  B:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: 's3:GetObject'
            Resource: !Sub '\${B.Arn}/*'
            Condition:
              StringEquals:
                'aws:PrincipalOrgID': o-abc123
` },
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: 's3:GetObject'
            Resource: !Sub '\${B.Arn}/*'
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: Everyone
            Effect: Allow
            Principal: { AWS: ['*'] }
            Action: ['s3:PutObject']
            Resource: !Sub '\${B.Arn}/*'
`,
  ],
  unknown: [
    { name: "policy document from a parameter", template: `Parameters:
  Doc: { Type: String }
Resources:
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: my-bucket
      PolicyDocument: !Ref Doc
` },
  ],
});
