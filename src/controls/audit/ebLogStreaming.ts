import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';
import { judgeOption } from '../lib/beanstalk.js';

export default defineControl({
  id: 'AT-EB-003',
  title: 'Elastic Beanstalk environments stream instance logs to CloudWatch Logs',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::ElasticBeanstalk::Environment'],
  rationale: 'Without log streaming, application and web server logs stay on the instances and disappear when Auto Scaling replaces them, which is often exactly when they are needed. Streaming copies them to CloudWatch Logs as they are written.',
  remediation: 'Add OptionSettings aws:elasticbeanstalk:cloudwatch:logs StreamLogs "true" (with RetentionInDays).',
  remediationTerraform: 'Add setting { namespace = "aws:elasticbeanstalk:cloudwatch:logs", name = "StreamLogs", value = "true" } (and one for RetentionInDays) to the aws_elastic_beanstalk_environment.',
  references: {},
  evaluate(r) {
    return judgeOption(r, 'aws:elasticbeanstalk:cloudwatch:logs', 'StreamLogs', isTrue, {
      pass: () => 'instance logs are streamed to CloudWatch Logs',
      fail: (v) => `StreamLogs is ${v}: instance logs stay on the instances`,
      missing: 'StreamLogs is not set in the option settings (it is off unless set): instance logs stay on the instances',
    });
  },
});
