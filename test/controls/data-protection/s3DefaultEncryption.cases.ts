import control from '../../../src/controls/data-protection/s3DefaultEncryption.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
`,
    `Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !Ref Key
`,
    { name: "parameter default", template: `Parameters:
  Alg: { Type: String, Default: AES256 }
Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: !Ref Alg
` },
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::S3::Bucket
`,
    `Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs
`,
    `Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - BucketKeyEnabled: true
`,
  ],
  unknown: [
    { name: "algorithm from parameter without default", template: `Parameters:
  Alg: { Type: String }
Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: !Ref Alg
` },
  ],
});
