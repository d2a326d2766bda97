import control from '../../../src/controls/network/cfViewerHttps.js';
import { cases, tf } from '../../helpers/cases.js';
import { tfDistribution } from '../builders/cloudfront.js';

const dist = (def: string, more = '', markDefault = false) => `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins: [{ Id: o, DomainName: example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }]
        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: ${def} }${markDefault ? ' # <--' : ''}${more}
`;

const ordered = (path: string, policy: string, mark = '') => `  ordered_cache_behavior {
    path_pattern           = "${path}"
    target_origin_id       = "app"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
    viewer_protocol_policy = "${policy}"${mark}
  }
`;

export default cases(control, {
  pass: [
    dist('redirect-to-https', `
        CacheBehaviors:
          - { PathPattern: /api/*, TargetOriginId: o, ViewerProtocolPolicy: https-only } # <--`, true),
    tf(tfDistribution({
      viewerPolicy: '    viewer_protocol_policy = "redirect-to-https" # <--',
      behaviours: ordered('/api/*', 'https-only', ' # <--'),
    })),
  ],
  fail: [
    dist('allow-all', '', true),
    { name: 'one cache behavior allows HTTP', template: dist('redirect-to-https', `
        CacheBehaviors:
          - { PathPattern: /img/*, TargetOriginId: o, ViewerProtocolPolicy: allow-all } # <--`) },
    tf(tfDistribution({ viewerPolicy: '    viewer_protocol_policy = "allow-all" # <--' }), { name: 'default behaviour allows HTTP' }),
    tf(tfDistribution({ behaviours: ordered('/img/*', 'allow-all', ' # <--') }), { name: 'one ordered behaviour allows HTTP' }),
  ],
  unknown: [
    { name: 'policy parameter without default', template: `Parameters:
  Vpp: { Type: String }
${dist('!Ref Vpp', '', true)}` },
    tf(tfDistribution({
      before: 'variable "viewer_protocol_policy" {\n  type = string\n}\n\n',
      viewerPolicy: '    viewer_protocol_policy = var.viewer_protocol_policy # <--',
    }), { name: 'policy from a variable without a value' }),
  ],
});
