import control from '../../../src/controls/network/eksNodegroupSshRestricted.js';
import { cases, tf } from '../../helpers/cases.js';

const nodegroup = (remote: string, before = '') => `${before}Resources:
  Nodes:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: prod
      NodeRole: arn:aws:iam::111122223333:role/eks-nodes
      Subnets: [subnet-0a, subnet-0b]
${remote}`;

const tfNodes = (remote: string, opts: { mark?: boolean; before?: string } = {}) => `${opts.before ?? ''}resource "aws_eks_node_group" "nodes" {${opts.mark ? ' # <--' : ''}
  cluster_name    = "main"
  node_group_name = "general"
  node_role_arn   = "arn:aws:iam::111122223333:role/eks-nodes"
  subnet_ids      = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]

  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 1
  }
${remote}}
`;

export default cases(control, {
  pass: [
    { name: 'no remote access', template: nodegroup('').replace('  Nodes:\n', '  Nodes: # <--\n') },
    { name: 'SSH limited to a bastion security group', template: nodegroup(`      RemoteAccess:
        Ec2SshKey: ops
        SourceSecurityGroups: [sg-0123456789abcdef0] # <--
`) },
    tf(tfNodes('', { mark: true }), { name: 'no remote access' }),
    tf(tfNodes(`
  remote_access {
    ec2_ssh_key               = "ops"
    source_security_group_ids = ["sg-0123456789abcdef0"] # <--
  }
`), { name: 'SSH limited to a bastion security group' }),
  ],
  fail: [
    { name: 'SSH key without source security groups', template: nodegroup(`      RemoteAccess: # <--
        Ec2SshKey: ops
`) },
    tf(tfNodes(`
  remote_access { # <--
    ec2_ssh_key = "ops"
  }
`), { name: 'SSH key without source security groups' }),
  ],
  unknown: [
    { name: 'source groups from a parameter', template: nodegroup(`      RemoteAccess:
        Ec2SshKey: ops
        SourceSecurityGroups: !Ref AdminGroups # <--
`, 'Parameters:\n  AdminGroups: { Type: CommaDelimitedList }\n') },
    tf(tfNodes(`
  remote_access {
    ec2_ssh_key               = "ops"
    source_security_group_ids = var.admin_groups # <--
  }
`, { before: 'variable "admin_groups" {\n  type = list(string)\n}\n\n' }), { name: 'source groups from a variable without a value' }),
  ],
});
