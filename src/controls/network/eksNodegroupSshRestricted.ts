import { defineControl, evidenceAt, type Outcome } from '../api.js';
import { asList, prop } from '../../model/value.js';
import { keyAt } from '../lib/operations.js';

export default defineControl({
  id: 'AT-EKS-004',
  title: 'EKS managed node groups do not open SSH to the internet',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::EKS::Nodegroup'],
  rationale: 'When a node group sets RemoteAccess with an SSH key but no source security groups, EKS opens port 22 on every node to 0.0.0.0/0, so the nodes, which hold the cluster\'s credentials, face password-guessing and exploit traffic from anywhere.',
  remediation: 'Remove RemoteAccess and reach nodes with Session Manager, or set RemoteAccess.SourceSecurityGroups to the security groups allowed to connect.',
  remediationTerraform: 'Remove the remote_access block from the aws_eks_node_group and reach nodes with Session Manager, or set remote_access { source_security_group_ids } to the security groups allowed to connect.',
  references: { checkov: ['CKV_AWS_100'] },
  evaluate(r): Outcome {
    const ra = r.get('RemoteAccess');
    const at = r.locate('RemoteAccess');
    if (ra === undefined) return r.pass('no RemoteAccess: SSH is not opened on the nodes', at, [r.evidence('RemoteAccess', ra, 'not set')]);
    if (ra.k === 'unknown') return r.unknown('remote access depends on a deploy-time value', ra, at, [r.evidence('RemoteAccess')]);
    const sgs = prop(ra, 'SourceSecurityGroups');
    const sgAt = keyAt(ra, 'SourceSecurityGroups');
    const ev = [r.evidence('RemoteAccess.Ec2SshKey'), evidenceAt('Properties.RemoteAccess.SourceSecurityGroups', sgs, sgAt, sgs === undefined ? 'not set: port 22 open to 0.0.0.0/0' : undefined)];
    if (sgs && sgs.k === 'unknown') return r.unknown('the security groups allowed to SSH depend on a deploy-time value', sgs, sgAt, ev);
    if ((asList(sgs) ?? []).length > 0) return r.pass('SSH to the nodes is limited to the listed source security groups', sgAt, ev);
    return r.fail('RemoteAccess names no SourceSecurityGroups: EKS opens SSH (port 22) on every node to 0.0.0.0/0', at, ev);
  },
});
