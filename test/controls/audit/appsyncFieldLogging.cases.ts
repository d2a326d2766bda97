import control from '../../../src/controls/audit/appsyncFieldLogging.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Api:
    Type: AWS::AppSync::GraphQLApi
    Properties:
      Name: orders
      AuthenticationType: AWS_IAM
      LogConfig:
        CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/appsync-logs
        FieldLogLevel: ERROR # <--
`,
    tf(`resource "aws_appsync_graphql_api" "orders" {
  name                = "orders"
  authentication_type = "AWS_IAM"

  log_config {
    cloudwatch_logs_role_arn = "arn:aws:iam::111122223333:role/appsync-logs"
    field_log_level          = "ALL" # <--
  }
}
`, { name: 'field_log_level ALL' }),
  ],
  fail: [
    `Resources:
  Api: # <--
    Type: AWS::AppSync::GraphQLApi
    Properties:
      Name: orders
      AuthenticationType: AWS_IAM
`,
    tf(`resource "aws_appsync_graphql_api" "orders" {
  name                = "orders"
  authentication_type = "AWS_IAM"

  log_config {
    cloudwatch_logs_role_arn = "arn:aws:iam::111122223333:role/appsync-logs"
    field_log_level          = "NONE" # <--
  }
}
`, { name: 'field_log_level NONE' }),
    tf(`resource "aws_appsync_graphql_api" "orders" { # <--
  name                = "orders"
  authentication_type = "AWS_IAM"
}
`, { name: 'no log_config' }),
  ],
  unknown: [
    tf(`variable "level" {
  type = string
}

resource "aws_appsync_graphql_api" "orders" {
  name                = "orders"
  authentication_type = "AWS_IAM"

  log_config {
    cloudwatch_logs_role_arn = "arn:aws:iam::111122223333:role/appsync-logs"
    field_log_level          = var.level # <--
  }
}
`, { name: 'from a variable without a value' }),
  ],
});
