import control from '../../../src/controls/data-protection/s3TlsOnlyPolicy.js';
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
          - Sid: DenyInsecure
            Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: [!GetAtt B.Arn, !Sub '\${B.Arn}/*']
            Condition:
              Bool:
                'aws:SecureTransport': false
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
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root' }
            Action: 's3:GetObject'
            Resource: !Sub '\${B.Arn}/*'
          - Sid: DenyInsecure
            Effect: Deny
            Principal: { AWS: '*' }
            Action: 's3:*'
            Resource: [!GetAtt B.Arn, !Sub '\${B.Arn}/*']
            Condition:
              BoolIfExists:
                'aws:SecureTransport': 'false'
`,
    { name: "policy names the bucket by its literal name", template: `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: my-data
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: my-data
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: DenyInsecure
            Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: 'arn:aws:s3:::my-data/*'
            Condition:
              Bool:
                'aws:SecureTransport': false
` },
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
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
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root' }
            Action: 's3:GetObject'
            Resource: !Sub '\${B.Arn}/*'
`,
    { name: "Deny only for aws:SecureTransport true (wrong way round)", template: `Resources:
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
                'aws:SecureTransport': true
` },
    { name: "policy of another bucket", template: `Resources:
  B:
    Type: AWS::S3::Bucket
  Other:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Other
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: DenyInsecure
            Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: [!GetAtt Other.Arn, !Sub '\${Other.Arn}/*']
            Condition:
              Bool:
                'aws:SecureTransport': false
` },
  ],
  unknown: [
    { name: "statement chosen by an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Statement: !If [IsProd, [], []]
` },
  ],
});
