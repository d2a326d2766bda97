import control from '../../../src/controls/network/cfViewerHttps.js';
import { cases } from '../../helpers/cases.js';

const dist = (def: string, more = '') => `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins: [{ Id: o, DomainName: example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }]
        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: ${def} }${more}`;

export default cases(control, {
  pass: [
    dist('redirect-to-https', `
        CacheBehaviors:
          - { PathPattern: /api/*, TargetOriginId: o, ViewerProtocolPolicy: https-only }`),
  ],
  fail: [
    dist('allow-all'),
    { name: 'one cache behavior allows HTTP', template: dist('redirect-to-https', `
        CacheBehaviors:
          - { PathPattern: /img/*, TargetOriginId: o, ViewerProtocolPolicy: allow-all }`) },
  ],
  unknown: [
    { name: 'policy parameter without default', template: `Parameters:
  Vpp: { Type: String }
${dist('!Ref Vpp')}` },
  ],
});
