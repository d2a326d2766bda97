import control from '../../../src/controls/data-protection/s3AccessControlNotPublic.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B: # <--
    Type: AWS::S3::Bucket
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: Private # <--
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: LogDeliveryWrite # <--
`,
    tf(`resource "aws_s3_bucket" "b" { # <--
  bucket = "acme-data"
}
`, { name: 'bucket without an ACL' }),
    tf(`resource "aws_s3_bucket" "b" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_ownership_controls" "b" {
  bucket = aws_s3_bucket.b.id
  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_acl" "b" {
  depends_on = [aws_s3_bucket_ownership_controls.b]
  bucket     = aws_s3_bucket.b.id
  acl        = "private" # <--
}
`, { name: 'private canned ACL on aws_s3_bucket_acl' }),
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead # <--
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicReadWrite # <--
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: AuthenticatedRead # <--
`,
    { name: "public ACL from a parameter default", template: `Parameters:
  Acl: { Type: String, Default: PublicRead }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !Ref Acl # <--
` },
    tf(`resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read" # <--
}
`, { name: 'public-read on aws_s3_bucket_acl' }),
    tf(`resource "aws_s3_bucket" "shared" {
  bucket = "acme-shared"
  acl    = "authenticated-read" # <--
}
`, { name: 'legacy inline acl' }),
    tf(`variable "bucket_acl" {
  type    = string
  default = "public-read-write"
}

resource "aws_s3_bucket" "b" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_acl" "b" {
  bucket = aws_s3_bucket.b.id
  acl    = var.bucket_acl # <--
}
`, { name: 'public ACL from a variable default' }),
  ],
  unknown: [
    { name: "ACL from parameter without default", template: `Parameters:
  Acl: { Type: String }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !Ref Acl # <--
` },
    tf(`variable "bucket_acl" {
  type = string
}

resource "aws_s3_bucket" "b" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_acl" "b" {
  bucket = aws_s3_bucket.b.id
  acl    = var.bucket_acl # <--
}
`, { name: 'ACL from a variable without a value' }),
  ],
});
