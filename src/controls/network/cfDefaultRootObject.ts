import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-CF-007',
  title: 'CloudFront distributions define a default root object',
  domain: 'network',
  severity: 'low',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  rationale: 'Without a default root object, a request for the distribution\'s root URL is passed to the origin as a request for its root. Depending on the origin that returns a listing of its contents, an error page that describes it, or content that was never meant to be the entry point.',
  remediation: 'Set DistributionConfig.DefaultRootObject (for example index.html).',
  remediationTerraform: 'Set default_root_object (for example "index.html") on the aws_cloudfront_distribution.',
  references: { checkov: ['CKV_AWS_305'], guard: ['CLOUDFRONT_DEFAULT_ROOT_OBJECT_CONFIGURED'] },
  evaluate(r) {
    return r.expect('DistributionConfig.DefaultRootObject', isPresent, {
      pass: 'a default root object is served for the root URL',
      fail: 'DefaultRootObject is not set: a request for the root URL is passed to the origin as is',
      unknown: 'the default root object depends on a deploy-time value',
    });
  },
});
