import control from '../../../src/controls/network/elbDropInvalidHeaders.js';
import { cases } from '../../helpers/cases.js';

const lb = (attrs: string, extra = '') => `Resources:
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]${extra}
      LoadBalancerAttributes:
${attrs}`;

export default cases(control, {
  pass: [
    lb('        - { Key: routing.http.drop_invalid_header_fields.enabled, Value: "true" }'),
    { name: 'value from a parameter default', template: `Parameters:
  On: { Type: String, Default: "true" }
${lb('        - { Key: routing.http.drop_invalid_header_fields.enabled, Value: !Ref On }')}` },
  ],
  fail: [
    lb('        - { Key: routing.http.drop_invalid_header_fields.enabled, Value: "false" }'),
    lb('        - { Key: idle_timeout.timeout_seconds, Value: "60" }'),
  ],
  unknown: [
    { name: 'parameter without default', template: `Parameters:
  On: { Type: String }
${lb('        - { Key: routing.http.drop_invalid_header_fields.enabled, Value: !Ref On }')}` },
  ],
  not_applicable: [lb('        - { Key: deletion_protection.enabled, Value: "true" }', '\n      Type: network')],
});
