import { defineControl, evidenceAt, type Outcome } from '../api.js';
import { render } from '../../model/value.js';
import { classifySubnet } from '../lib/network.js';

export default defineControl({
  id: 'AT-EMR-005',
  title: 'EMR clusters launch in private subnets',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::EMR::Cluster'],
  rationale: 'In a subnet routed to an internet gateway, EMR gives the cluster nodes public addresses, so the master node\'s web interfaces and SSH are one security group rule away from the internet. A private subnet (reaching out through a NAT gateway or VPC endpoints) keeps the cluster off the internet whatever its security groups say. A cluster that names no subnet is placed in the default VPC, which the template cannot show.',
  remediation: 'Set Instances.Ec2SubnetId (or Ec2SubnetIds for instance fleets) to subnets whose route tables send 0.0.0.0/0 to a NAT gateway or nowhere, and that do not map public IPs on launch.',
  remediationTerraform: 'Set ec2_attributes { subnet_id } (or subnet_ids for instance fleets) of the aws_emr_cluster to subnets whose route tables send 0.0.0.0/0 to a NAT gateway or nowhere, and whose map_public_ip_on_launch is false.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const single = r.get('Instances.Ec2SubnetId');
    const many = r.get('Instances.Ec2SubnetIds');
    const path = single !== undefined ? 'Instances.Ec2SubnetId' : 'Instances.Ec2SubnetIds';
    const v = single ?? many;
    if (v === undefined) {
      return r.unknown('no subnet is named: EMR places the cluster in a subnet of the default VPC, which is not known from the template', undefined, r.resource.loc, [r.evidence(path, undefined, 'left out')]);
    }
    const at0 = r.locate(path);
    if (v.k === 'unknown') return r.unknown('the cluster subnets are known only at deploy time, so whether they are private is unknown', v, at0, [r.evidence(path)]);
    const items = v.k === 'list' ? v.items : [v];
    const outs: Outcome[] = items.map((s, i) => {
      const ev = evidenceAt(`Properties.${path}${v.k === 'list' ? `[${i}]` : ''}`, s, s.loc);
      const sub = r.graph.target(r.resource, s);
      if (!sub || sub.type !== 'AWS::EC2::Subnet') {
        return r.unknown(`subnet ${render(s)} is not declared in the scanned templates, so whether it is public is not known`, s.k === 'unknown' ? s : undefined, s.loc, [ev]);
      }
      const c = classifySubnet(r.graph, sub);
      if (c.kind === 'public') return r.fail(`the cluster launches in public subnet ${sub.id}: ${c.reason}`, s.loc, [ev, ...c.evidence]);
      if (c.kind === 'private') return r.pass(`subnet ${sub.id} is private: ${c.reason}`, s.loc, [ev, ...c.evidence]);
      return r.unknown(`whether subnet ${sub.id} is public is unknown: ${c.reason}`, c.blocking, s.loc, [ev, ...c.evidence]);
    });
    const bad = outs.filter((o) => o.status !== 'pass');
    return bad.length ? bad : outs;
  },
});
