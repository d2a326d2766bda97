import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';
import { judgeOption } from '../lib/beanstalk.js';

export default defineControl({
  id: 'AT-EB-002',
  title: 'Elastic Beanstalk environments report enhanced health',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::ElasticBeanstalk::Environment'],
  rationale: 'Basic health reporting derives status from load balancer checks and a few metrics. Enhanced health adds per-instance request, latency, load and deployment data from an agent on each instance, so a degraded instance or a failing deployment is visible before users notice.',
  remediation: 'Add OptionSettings aws:elasticbeanstalk:healthreporting:system SystemType "enhanced".',
  remediationTerraform: 'Add setting { namespace = "aws:elasticbeanstalk:healthreporting:system", name = "SystemType", value = "enhanced" } to the aws_elastic_beanstalk_environment.',
  references: { checkov: ['CKV_AWS_312'], guard: ['BEANSTALK_ENHANCED_HEALTH_REPORTING_ENABLED'] },
  evaluate(r) {
    return judgeOption(r, 'aws:elasticbeanstalk:healthreporting:system', 'SystemType', oneOf(['enhanced'], true), {
      pass: () => 'enhanced health reporting is enabled',
      fail: (v) => `SystemType is ${v}: only basic health is reported`,
      missing: 'SystemType is not set in the option settings: the template does not enable enhanced health reporting',
    });
  },
});
