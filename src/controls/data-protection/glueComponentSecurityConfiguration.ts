import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-GLUE-006',
  title: 'Glue jobs, crawlers and development endpoints use a security configuration',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::Glue::Job', 'AWS::Glue::Crawler', 'AWS::Glue::DevEndpoint'],
  rationale: 'The encryption of what a Glue job, crawler or development endpoint writes to S3, CloudWatch Logs and job bookmarks comes only from the security configuration it names. Without one, none of that encryption applies, whatever security configurations exist in the account.',
  remediation: 'Name a security configuration: SecurityConfiguration on AWS::Glue::Job and AWS::Glue::DevEndpoint, CrawlerSecurityConfiguration on AWS::Glue::Crawler.',
  remediationTerraform: 'Set security_configuration on the aws_glue_job, aws_glue_crawler or aws_glue_dev_endpoint to an aws_glue_security_configuration.',
  references: { checkov: ['CKV_AWS_195'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const path = r.type === 'AWS::Glue::Crawler' ? 'CrawlerSecurityConfiguration' : 'SecurityConfiguration';
    return r.expect(path, isPresent, {
      pass: `the ${r.type.split('::')[2]!.toLowerCase()} runs with a security configuration`,
      fail: `${path} is not set: the ${r.type.split('::')[2]!.toLowerCase()} runs without Glue encryption settings`,
      unknown: 'the security configuration depends on a deploy-time value',
    });
  },
});
