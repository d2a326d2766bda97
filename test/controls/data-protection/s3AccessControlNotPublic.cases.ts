import control from '../../../src/controls/data-protection/s3AccessControlNotPublic.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: Private
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: LogDeliveryWrite
`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicReadWrite
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: AuthenticatedRead
`,
    { name: "public ACL from a parameter default", template: `Parameters:
  Acl: { Type: String, Default: PublicRead }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !Ref Acl
` },
  ],
  unknown: [
    { name: "ACL from parameter without default", template: `Parameters:
  Acl: { Type: String }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !Ref Acl
` },
  ],
});
