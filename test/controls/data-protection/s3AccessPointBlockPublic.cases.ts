import control from '../../../src/controls/data-protection/s3AccessPointBlockPublic.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    { name: 'S3 default', template: `Resources:
  AP: # <--
    Type: AWS::S3::AccessPoint
    Properties:
      Bucket: acme-data
` },
    `Resources:
  AP:
    Type: AWS::S3::AccessPoint
    Properties:
      Bucket: acme-data
      PublicAccessBlockConfiguration: # <--
        BlockPublicAcls: true
        IgnorePublicAcls: true
        BlockPublicPolicy: true
        RestrictPublicBuckets: true
`,
    tf(`resource "aws_s3_access_point" "data" { # <--
  bucket = "acme-data"
  name   = "data"
}
`, { name: 'no block: S3 default' }),
    tf(`resource "aws_s3_access_point" "data" {
  bucket = "acme-data"
  name   = "data"

  public_access_block_configuration {
    block_public_policy = true # <--
  }
}
`, { name: 'arguments left out of the block: the provider sends true' }),
  ],
  fail: [
    `Resources:
  AP:
    Type: AWS::S3::AccessPoint
    Properties:
      Bucket: acme-data
      PublicAccessBlockConfiguration:
        BlockPublicPolicy: false # <--
        RestrictPublicBuckets: false
`,
    tf(`resource "aws_s3_access_point" "data" {
  bucket = "acme-data"
  name   = "data"

  public_access_block_configuration {
    block_public_acls       = true
    ignore_public_acls      = true
    block_public_policy     = false # <--
    restrict_public_buckets = true
  }
}
`, { name: 'block_public_policy = false' }),
  ],
  unknown: [
    { name: 'setting from a parameter', template: `Parameters:
  Block: { Type: String }
Resources:
  AP:
    Type: AWS::S3::AccessPoint
    Properties:
      Bucket: acme-data
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        IgnorePublicAcls: true
        BlockPublicPolicy: true
        RestrictPublicBuckets: !Ref Block # <--
` },
    { name: 'settings left out of a written configuration', template: `Resources:
  AP:
    Type: AWS::S3::AccessPoint
    Properties:
      Bucket: acme-data
      PublicAccessBlockConfiguration: # <--
        BlockPublicPolicy: true
` },
    tf(`variable "block" {
  type = bool
}

resource "aws_s3_access_point" "data" {
  bucket = "acme-data"
  name   = "data"

  public_access_block_configuration {
    restrict_public_buckets = var.block # <--
  }
}
`, { name: 'setting from a variable' }),
  ],
});
