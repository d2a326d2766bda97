import control from '../../../src/controls/network/vpcNaclNoPublicAllTraffic.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  E:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: acl-1, RuleNumber: 100, Protocol: -1, RuleAction: allow, Egress: true, CidrBlock: 0.0.0.0/0 }`,
    `Resources:
  E:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: acl-1, RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/8 }`,
  ],
  fail: [
    `Resources:
  E:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: acl-1, RuleNumber: 100, Protocol: -1, RuleAction: allow, Ipv6CidrBlock: ::/0 }`,
  ],
});
