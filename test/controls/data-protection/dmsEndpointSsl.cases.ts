import control from '../../../src/controls/data-protection/dmsEndpointSsl.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::DMS::Endpoint
    Properties:
      EndpointType: source
      EngineName: postgres
      ServerName: db.internal
      Port: 5432
      DatabaseName: app
      Username: dms
      SslMode: verify-full # <--
      CertificateArn: arn:aws:dms:eu-west-1:111122223333:cert:rds
`,
    tf(`resource "aws_dms_endpoint" "source" {
  endpoint_id   = "source"
  endpoint_type = "source"
  engine_name   = "postgres"
  server_name   = "db.internal"
  port          = 5432
  database_name = "app"
  username      = "dms"
  ssl_mode      = "require" # <--
}
`, { name: 'require' }),
  ],
  fail: [
    { name: 'left out (none)', template: `Resources:
  R: # <--
    Type: AWS::DMS::Endpoint
    Properties:
      EndpointType: source
      EngineName: postgres
      ServerName: db.internal
      Port: 5432
      DatabaseName: app
      Username: dms
` },
    `Resources:
  R:
    Type: AWS::DMS::Endpoint
    Properties:
      EndpointType: source
      EngineName: postgres
      ServerName: db.internal
      Port: 5432
      DatabaseName: app
      Username: dms
      SslMode: none # <--
`,
    tf(`resource "aws_dms_endpoint" "source" { # <--
  endpoint_id   = "source"
  endpoint_type = "source"
  engine_name   = "postgres"
  server_name   = "db.internal"
  port          = 5432
  database_name = "app"
  username      = "dms"
}
`, { name: 'left out (none)' }),
    tf(`resource "aws_dms_endpoint" "source" {
  endpoint_id   = "source"
  endpoint_type = "source"
  engine_name   = "postgres"
  server_name   = "db.internal"
  port          = 5432
  database_name = "app"
  username      = "dms"
  ssl_mode      = "none" # <--
}
`, { name: 'none' }),
  ],
  unknown: [
    tf(`variable "ssl" {
  type = string
}

resource "aws_dms_endpoint" "source" {
  endpoint_id   = "source"
  endpoint_type = "source"
  engine_name   = "postgres"
  server_name   = "db.internal"
  port          = 5432
  database_name = "app"
  username      = "dms"
  ssl_mode      = var.ssl # <--
}
`, { name: 'from a variable' }),
  ],
  not_applicable: [
    { name: 'S3 target', template: `Resources:
  R:
    Type: AWS::DMS::Endpoint
    Properties:
      EndpointType: target
      EngineName: s3
      S3Settings:
        BucketName: landing
        ServiceAccessRoleArn: arn:aws:iam::111122223333:role/dms
` },
    tf(`resource "aws_dms_endpoint" "landing" {
  endpoint_id   = "landing"
  endpoint_type = "target"
  engine_name   = "dynamodb"
  service_access_role = "arn:aws:iam::111122223333:role/dms"
}
`, { name: 'DynamoDB target' }),
  ],
});
