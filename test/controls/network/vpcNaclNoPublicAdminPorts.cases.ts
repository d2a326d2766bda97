import control from '../../../src/controls/network/vpcNaclNoPublicAdminPorts.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties: { VpcId: vpc-1 }
  Https:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: { From: 443, To: 443 } }`,
    { name: 'SSH denied by a lower-numbered entry', template: `Resources:
  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties: { VpcId: vpc-1 }
  DenySsh:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: !Ref Acl, RuleNumber: 90, Protocol: 6, RuleAction: deny, CidrBlock: 0.0.0.0/0, PortRange: { From: 22, To: 22 } }
  DenyRdp:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: !Ref Acl, RuleNumber: 91, Protocol: -1, RuleAction: deny, CidrBlock: 0.0.0.0/0, PortRange: { From: 3389, To: 3389 } }
  AllowHigh:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: { From: 0, To: 65535 } }` },
  ],
  fail: [
    `Resources:
  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties: { VpcId: vpc-1 }
  All:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 0.0.0.0/0 }`,
  ],
  unknown: [
    { name: 'CIDR parameter without default', template: `Parameters:
  Cidr: { Type: String }
Resources:
  Ssh:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: acl-1, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: !Ref Cidr, PortRange: { From: 22, To: 22 } }` },
  ],
});
