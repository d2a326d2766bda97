import control from '../../../src/controls/audit/redshiftAuditLogging.js';
import { cases, tf } from '../../helpers/cases.js';
import { cluster } from '../builders/redshift.js';

export default cases(control, {
  pass: [
    { name: 'logs to CloudWatch', template: cluster(`      LoggingProperties: # <--
        LogDestinationType: cloudwatch
        LogExports: [connectionlog, userlog, useractivitylog]`) },
    { name: 'logs to S3', template: cluster(`      LoggingProperties: # <--
        BucketName: !Ref AuditBucket`, { after: '  AuditBucket:\n    Type: AWS::S3::Bucket\n' }) },
    tf(`resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "multi-node"
  number_of_nodes        = 2
  database_name          = "analytics"
  master_username        = "admin"
  manage_master_password = true

  logging { # <--
    enable               = true
    log_destination_type = "cloudwatch"
    log_exports          = ["connectionlog", "userlog", "useractivitylog"]
  }
}
`, { name: 'provider v5 inline logging to CloudWatch' }),
    tf(`resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "multi-node"
  number_of_nodes        = 2
  database_name          = "analytics"
  master_username        = "admin"
  manage_master_password = true
}

resource "aws_s3_bucket" "audit" {
  bucket = "acme-redshift-audit"
}

resource "aws_redshift_logging" "warehouse" { # <--
  cluster_identifier   = aws_redshift_cluster.warehouse.cluster_identifier
  log_destination_type = "s3"
  bucket_name          = aws_s3_bucket.audit.id
  s3_key_prefix        = "warehouse/"
}
`, { name: 'aws_redshift_logging to S3' }),
  ],
  fail: [
    { name: 'no logging properties', template: cluster('', { marked: true }) },
    tf(`resource "aws_redshift_cluster" "warehouse" { # <--
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "multi-node"
  number_of_nodes        = 2
  database_name          = "analytics"
  master_username        = "admin"
  manage_master_password = true
}
`, { name: 'no logging' }),
    tf(`resource "aws_redshift_cluster" "warehouse" { # <--
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "multi-node"
  number_of_nodes        = 2
  database_name          = "analytics"
  master_username        = "admin"
  manage_master_password = true

  logging {
    enable      = false
    bucket_name = "acme-redshift-audit"
  }
}
`, { name: 'logging block with enable = false: the cluster keeps no log' }),
  ],
  unknown: [
    { name: 'destination from a parameter', template: cluster(`      LoggingProperties:
        LogDestinationType: !Ref Destination # <--`, { before: 'Parameters:\n  Destination: { Type: String }\n' }) },
    tf(`variable "audit_logging" {
  type = bool
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "multi-node"
  number_of_nodes        = 2
  database_name          = "analytics"
  master_username        = "admin"
  manage_master_password = true

  logging {
    enable      = var.audit_logging # <--
    bucket_name = "acme-redshift-audit"
  }
}
`, { name: 'logging enabled from a variable without a value' }),
  ],
});
