import control from '../../../src/controls/audit/opensearchAuditLogs.js';
import { cases, tf } from '../../helpers/cases.js';
import { cfnParam, domain, marked, tfDomain, tfVar } from '../builders/opensearch.js';

const GROUP = 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/opensearch/search/audit';

export default cases(control, {
  pass: [
    { name: 'AUDIT_LOGS published to a log group', template: domain(`      LogPublishingOptions:
        AUDIT_LOGS:
          Enabled: true # <--
          CloudWatchLogsLogGroupArn: ${GROUP}`) },
    tf(tfDomain(`  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.audit.arn
    enabled                  = true # <--
  }`, { before: 'resource "aws_cloudwatch_log_group" "audit" {\n  name = "/aws/opensearch/search/audit"\n}\n\n' }), { name: 'log_publishing_options AUDIT_LOGS enabled' }),
    tf(tfDomain(`  log_publishing_options { # <--
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = "${GROUP}"
  }`), { name: 'AUDIT_LOGS block without enabled: the provider publishes' }),
  ],
  fail: [
    { name: 'no LogPublishingOptions', template: marked(domain('      DomainName: search')) },
    { name: 'only slow logs published', template: domain(`      LogPublishingOptions: # <--
        SEARCH_SLOW_LOGS:
          Enabled: true
          CloudWatchLogsLogGroupArn: ${GROUP}`) },
    { name: 'AUDIT_LOGS without Enabled (CloudFormation default false)', template: domain(`      LogPublishingOptions:
        AUDIT_LOGS: # <--
          CloudWatchLogsLogGroupArn: ${GROUP}`, { type: 'AWS::Elasticsearch::Domain' }) },
    tf(marked(tfDomain('')), { name: 'no log_publishing_options' }),
    tf(tfDomain(`  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = "${GROUP}"
    enabled                  = false # <--
  }`, { legacy: true }), { name: 'aws_elasticsearch_domain AUDIT_LOGS disabled' }),
  ],
  unknown: [
    { name: 'Enabled from a parameter without default', template: domain(`      LogPublishingOptions:
        AUDIT_LOGS:
          Enabled: !Ref Audit # <--
          CloudWatchLogsLogGroupArn: ${GROUP}`, { before: cfnParam('Audit') }) },
    tf(tfDomain(`  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = "${GROUP}"
    enabled                  = var.audit # <--
  }`, { before: tfVar('audit', 'bool') }), { name: 'enabled from a variable without a value' }),
  ],
});
