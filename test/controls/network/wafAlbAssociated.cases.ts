import control from '../../../src/controls/network/wafAlbAssociated.js';
import { cases } from '../../helpers/cases.js';

const lb = (props = '') => `Resources:
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]${props}`;

export default cases(control, {
  pass: [
    `${lb()}
  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Properties: { ResourceArn: !Ref Lb, WebACLArn: acl }`,
  ],
  fail: [lb(), lb('\n      Scheme: internet-facing')],
  unknown: [
    { name: 'scheme parameter without default', template: `Parameters:
  Scheme: { Type: String }
${lb('\n      Scheme: !Ref Scheme')}` },
  ],
  not_applicable: [lb('\n      Scheme: internal'), lb('\n      Type: network')],
});
