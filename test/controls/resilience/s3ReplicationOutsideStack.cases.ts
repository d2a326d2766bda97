import control from '../../../src/controls/resilience/s3ReplicationOutsideStack.js';
import { cases, tf } from '../../helpers/cases.js';

const versioned = `      VersioningConfiguration:
        Status: Enabled
`;
const replicated = (dest: string) => `${versioned}      ReplicationConfiguration:
        Role: arn:aws:iam::111122223333:role/replication
        Rules:
          - Status: Enabled
            Destination:
              Bucket: ${dest}
`;

/** A versioned Terraform bucket (split versioning resource), \`mark\` on its block line. */
const tfBucket = (mark = '') => `resource "aws_s3_bucket" "data" {${mark}
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id

  versioning_configuration {
    status = "Enabled"
  }
}
`;

/** Replication of aws_s3_bucket.data to \`dest\` (the destination bucket's ARN expression). */
const tfReplication = (dest: string) => `
resource "aws_s3_bucket_replication_configuration" "data" {
  depends_on = [aws_s3_bucket_versioning.data]
  bucket     = aws_s3_bucket.data.id
  role       = "arn:aws:iam::111122223333:role/s3-replication"

  rule {
    id     = "everything"
    status = "Enabled"

    filter {}

    delete_marker_replication {
      status = "Enabled"
    }

    destination {
      bucket        = ${dest}
      storage_class = "STANDARD_IA"
    }
  }
}
`;

/** A bucket in another region (through a provider alias) replicating from aws_s3_bucket.data. */
const tfReplica = `
provider "aws" {
  alias  = "dr"
  region = "us-west-2"
}

resource "aws_s3_bucket" "replica" {
  provider = aws.dr
  bucket   = "acme-data-replica"
}

resource "aws_s3_bucket_versioning" "replica" {
  provider = aws.dr
  bucket   = aws_s3_bucket.replica.id

  versioning_configuration {
    status = "Enabled"
  }
}
`;

export default cases(control, {
  pass: [
    { name: 'replicated to a bucket outside the stack', template: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
${replicated('arn:aws:s3:::data-replica-us-west-2 # <--')}` },
    tf(tfBucket() + tfReplication('"arn:aws:s3:::data-replica-us-west-2" # <--'), { name: 'Terraform: replicated to a bucket outside the configuration' }),
    tf(`resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"

  versioning {
    enabled = true
  }

  replication_configuration {
    role = "arn:aws:iam::111122223333:role/s3-replication"

    rules {
      id     = "everything"
      status = "Enabled"

      destination {
        bucket        = "arn:aws:s3:::acme-legacy-replica" # <--
        storage_class = "STANDARD"
      }
    }
  }
}
`, { name: 'Terraform: provider v3 inline replication' }),
  ],
  fail: [
    { name: 'versioned, not replicated', template: `Resources:
  Data: # <--
    Type: AWS::S3::Bucket
    Properties:
${versioned}` },
    { name: 'replicated to a bucket of the same stack', template: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
${replicated('!GetAtt Replica.Arn').replace('      ReplicationConfiguration:\n', '      ReplicationConfiguration: # <--\n')}  Replica:
    Type: AWS::S3::Bucket
    Properties:
${versioned}` },
    tf(tfBucket(' # <--'), { name: 'Terraform: versioned, not replicated' }),
    tf(tfBucket() + tfReplication('"arn:aws:s3:::data-replica-us-west-2"').replace('    status = "Enabled"\n\n    filter', '    status = "Disabled" # <--\n\n    filter'), { name: 'Terraform: the only rule disabled' }),
  ],
  unknown: [
    { name: 'destination from a parameter', template: `Parameters:
  ReplicaArn: { Type: String }
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
${replicated('!Ref ReplicaArn # <--')}` },
    tf(tfBucket() + tfReplica + tfReplication('aws_s3_bucket.replica.arn # <--'), { name: 'Terraform: a bucket of the configuration, its provider\'s region not read' }),
    tf('variable "replica_bucket_arn" {\n  type = string\n}\n\n' + tfBucket() + tfReplication('var.replica_bucket_arn # <--'), { name: 'Terraform: destination from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Scratch:
    Type: AWS::S3::Bucket
`,
    { name: 'the replica itself', template: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
${replicated('!GetAtt Replica.Arn')}  Replica:
    Type: AWS::S3::Bucket
    Properties:
${versioned}` },
    tf(tfBucket() + tfReplica.replace('resource "aws_s3_bucket" "replica" {', 'resource "aws_s3_bucket" "replica" { # <--') + tfReplication('aws_s3_bucket.replica.arn'), { name: 'Terraform: the replica itself' }),
  ],
});
