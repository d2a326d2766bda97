import control from '../../../src/controls/data-protection/s3OwnershipEnforced.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      OwnershipControls:
        Rules:
          - ObjectOwnership: BucketOwnerEnforced # <--
`,
    { name: 'left to the S3 default', template: `Resources:
  B: # <--
    Type: AWS::S3::Bucket
` },
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_ownership_controls" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    object_ownership = "BucketOwnerEnforced" # <--
  }
}
`, { name: 'ownership controls BucketOwnerEnforced' }),
    tf(`resource "aws_s3_bucket" "data" { # <--
  bucket = "acme-data"
}
`, { name: 'no ownership controls (S3 default)' }),
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      OwnershipControls:
        Rules:
          - ObjectOwnership: ObjectWriter # <--
`,
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_ownership_controls" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    object_ownership = "BucketOwnerPreferred" # <--
  }
}
`, { name: 'BucketOwnerPreferred' }),
  ],
  unknown: [
    { name: 'ownership from a parameter', template: `Parameters:
  Ownership: { Type: String }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      OwnershipControls:
        Rules:
          - ObjectOwnership: !Ref Ownership # <--
` },
    tf(`variable "ownership" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_ownership_controls" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    object_ownership = var.ownership # <--
  }
}
`, { name: 'ownership from a variable' }),
  ],
});
