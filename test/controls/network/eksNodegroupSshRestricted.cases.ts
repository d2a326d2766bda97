import control from '../../../src/controls/network/eksNodegroupSshRestricted.js';
import { cases } from '../../helpers/cases.js';

const nodegroup = (remote: string, before = '') => `${before}Resources:
  Nodes:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: prod
      NodeRole: arn:aws:iam::111122223333:role/eks-nodes
      Subnets: [subnet-0a, subnet-0b]
${remote}`;

export default cases(control, {
  pass: [
    { name: 'no remote access', template: nodegroup('').replace('  Nodes:\n', '  Nodes: # <--\n') },
    { name: 'SSH limited to a bastion security group', template: nodegroup(`      RemoteAccess:
        Ec2SshKey: ops
        SourceSecurityGroups: [sg-0123456789abcdef0] # <--
`) },
  ],
  fail: [
    { name: 'SSH key without source security groups', template: nodegroup(`      RemoteAccess: # <--
        Ec2SshKey: ops
`) },
  ],
  unknown: [
    { name: 'source groups from a parameter', template: nodegroup(`      RemoteAccess:
        Ec2SshKey: ops
        SourceSecurityGroups: !Ref AdminGroups # <--
`, 'Parameters:\n  AdminGroups: { Type: CommaDelimitedList }\n') },
  ],
});
