import control from '../../../src/controls/audit/opensearchApplicationLogs.js';
import { cases, tf } from '../../helpers/cases.js';
import { cfnParam, domain, marked, tfDomain, tfVar } from '../builders/opensearch.js';

const GROUP = 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/opensearch/search/errors';

export default cases(control, {
  pass: [
    { name: 'ES_APPLICATION_LOGS published to a log group', template: domain(`      LogPublishingOptions:
        ES_APPLICATION_LOGS:
          Enabled: true # <--
          CloudWatchLogsLogGroupArn: ${GROUP}`) },
    tf(tfDomain(`  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    cloudwatch_log_group_arn = "${GROUP}"
    enabled                  = true # <--
  }`), { name: 'log_publishing_options ES_APPLICATION_LOGS enabled' }),
  ],
  fail: [
    { name: 'no LogPublishingOptions', template: marked(domain('      DomainName: search')) },
    { name: 'enabled without a log group', template: domain(`      LogPublishingOptions:
        ES_APPLICATION_LOGS: # <--
          Enabled: true`) },
    tf(marked(tfDomain('', { legacy: true })), { name: 'no log_publishing_options' }),
    tf(tfDomain(`  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = "${GROUP}"
  }
  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    cloudwatch_log_group_arn = "${GROUP}"
    enabled                  = false # <--
  }`), { name: 'ES_APPLICATION_LOGS disabled next to audit logs' }),
  ],
  unknown: [
    { name: 'Enabled from a parameter without default', template: domain(`      LogPublishingOptions:
        ES_APPLICATION_LOGS:
          Enabled: !Ref Errors # <--
          CloudWatchLogsLogGroupArn: ${GROUP}`, { before: cfnParam('Errors') }) },
    tf(tfDomain(`  dynamic "log_publishing_options" { # <--
    for_each = var.log_types
    content {
      log_type                 = log_publishing_options.value
      cloudwatch_log_group_arn = "${GROUP}"
    }
  }`, { before: tfVar('log_types', 'list(string)') }), { name: 'log types from a variable without a value' }),
  ],
});
