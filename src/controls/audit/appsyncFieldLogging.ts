import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-APPSYNC-001',
  title: 'AppSync GraphQL APIs log resolver errors (field-level logging)',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::AppSync::GraphQLApi'],
  rationale: 'Field-level logs record what each resolver did with a request, including errors and authorisation failures. Without them (FieldLogLevel NONE, or no LogConfig) a failing or abused GraphQL operation leaves only request metrics behind.',
  remediation: 'Set LogConfig.FieldLogLevel to ERROR (or INFO, DEBUG, ALL) with LogConfig.CloudWatchLogsRoleArn.',
  remediationTerraform: 'Add log_config { field_log_level = "ERROR" (or "INFO", "DEBUG", "ALL"), cloudwatch_logs_role_arn = ... } to the aws_appsync_graphql_api.',
  references: { checkov: ['CKV_AWS_194'] },
  evaluate(r) {
    return r.expect('LogConfig.FieldLogLevel', oneOf(['ERROR', 'INFO', 'DEBUG', 'ALL'], true), {
      pass: 'resolver activity is logged at field level',
      fail: 'field-level logging is off (no LogConfig, or FieldLogLevel NONE): resolver errors are not logged',
      unknown: 'the field log level depends on a deploy-time value',
    });
  },
});
