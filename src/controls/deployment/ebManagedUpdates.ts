import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';
import { judgeOption } from '../lib/beanstalk.js';

export default defineControl({
  id: 'AT-EB-001',
  title: 'Elastic Beanstalk environments apply managed platform updates',
  domain: 'deployment',
  severity: 'medium',
  resourceTypes: ['AWS::ElasticBeanstalk::Environment'],
  rationale: 'Managed platform updates install new platform versions (operating system, runtime and web server patches) in a weekly maintenance window. Without them the environment keeps running the platform version it was created with until someone updates it by hand.',
  remediation: 'Add OptionSettings aws:elasticbeanstalk:managedactions ManagedActionsEnabled "true" with a PreferredStartTime, and aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel.',
  remediationTerraform: 'Add setting blocks to the aws_elastic_beanstalk_environment: namespace "aws:elasticbeanstalk:managedactions" with ManagedActionsEnabled = "true" and a PreferredStartTime, and namespace "aws:elasticbeanstalk:managedactions:platformupdate" with UpdateLevel.',
  references: { checkov: ['CKV_AWS_340'], guard: ['ELASTIC_BEANSTALK_MANAGED_UPDATES_ENABLED'] },
  evaluate(r) {
    return judgeOption(r, 'aws:elasticbeanstalk:managedactions', 'ManagedActionsEnabled', isTrue, {
      pass: () => 'managed platform updates are enabled',
      fail: (v) => `ManagedActionsEnabled is ${v}: platform updates are not applied automatically`,
      missing: 'ManagedActionsEnabled is not set in the option settings: managed platform updates are not enabled by the template',
    });
  },
});
