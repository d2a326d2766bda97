import { defineControl } from '../api.js';
import { judgeNotPublic } from '../lib/resourcePolicy.js';

export default defineControl({
  id: 'AT-EFS-006',
  title: 'EFS file system policies do not allow any principal without a condition pinning the caller',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::EFS::FileSystem'],
  rationale: 'An Allow for Principal "*" lets any client that can reach a mount target mount, write or act as root on the file system, whatever its IAM identity. A file system without a policy passes here (AT-EFS-005 asks for a policy requiring TLS).',
  remediation: 'Name the roles in FileSystemPolicy, or restrict statements with Principal "*" by a Condition such as StringEquals aws:PrincipalAccount or aws:SourceVpc.',
  remediationTerraform: 'In the policy of the aws_efs_file_system_policy, name the roles, or restrict statements with Principal "*" by a condition such as StringEquals aws:PrincipalAccount or aws:SourceVpc.',
  references: {},
  evaluate(r) {
    return judgeNotPublic(r, 'FileSystemPolicy', 'file system');
  },
});
