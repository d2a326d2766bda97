import control from '../../../src/controls/data-protection/s3DefaultEncryption.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration: # <--
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !Ref Key
  Key:
    Type: AWS::KMS::Key
`,
    { name: "parameter default", template: `Parameters:
  Alg: { Type: String, Default: AES256 }
Resources:
  B:
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
  B: # <--
    Type: AWS::S3::Bucket
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs
`,
    `Resources:
  B:
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
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: !Ref Alg
` },
  ],
});
