import { defineControl, evidenceAt } from '../api.js';
import type { Resource, Value } from '../../model/types.js';
import { asBool, asList, prop } from '../../model/value.js';
import type { ResourceContext } from '../api.js';

/**
 * When PubliclyAccessible is absent RDS makes the instance public if its subnets belong to
 * a VPC with an internet gateway attached (the default VPC when no subnet group is given).
 * Follow the subnet group to its VPC when all of it is declared in the template.
 */
function vpcOfSubnetGroup(r: ResourceContext): { vpc?: Resource; group?: Resource } {
  const group = r.graph.target(r.resource, r.get('DBSubnetGroupName'));
  if (!group || group.type !== 'AWS::RDS::DBSubnetGroup') return {};
  const vpcs = new Set<Resource>();
  for (const s of asList(prop(group.properties, 'SubnetIds')) ?? []) {
    const subnet = r.graph.target(group, s);
    if (!subnet || subnet.type !== 'AWS::EC2::Subnet') return { group };
    const vpc = r.graph.target(subnet, prop(subnet.properties, 'VpcId'));
    if (!vpc) return { group };
    vpcs.add(vpc);
  }
  return vpcs.size === 1 ? { vpc: [...vpcs][0], group } : { group };
}

export default defineControl({
  id: 'AT-RDS-002',
  title: 'RDS DB instances are not publicly accessible',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::RDS::DBInstance'],
  rationale: 'A publicly accessible instance gets a DNS name that resolves to a public IP, so only its security group stands between the database port and the internet. When PubliclyAccessible is omitted RDS decides from the network: the instance is public if its subnets are in a VPC with an internet gateway.',
  remediation: 'Set PubliclyAccessible: false explicitly and place the instance in a DB subnet group of private subnets; reach it through a bastion, VPN or RDS Proxy.',
  remediationTerraform: 'Set publicly_accessible = false (the provider sends false for an aws_db_instance when it is left out; write it on an aws_rds_cluster_instance too) and name in db_subnet_group_name an aws_db_subnet_group of private subnets; reach the database through a bastion, VPN or RDS Proxy.',
  references: { checkov: ['CKV_AWS_17'], trivy: ['AVD-AWS-0180'], cfn_nag: ['F22'], cdk_nag: [], guard: ['RDS_INSTANCE_PUBLIC_ACCESS_CHECK'] },
  evaluate(r) {
    const v = r.get('PubliclyAccessible');
    if (v !== undefined) {
      return r.expect('PubliclyAccessible', (x) => (x && x.k === 'unknown' ? { unknown: x } : asBool(x) !== true), {
        pass: 'PubliclyAccessible is false',
        fail: 'PubliclyAccessible is true: the instance gets a public endpoint',
        unknown: 'public accessibility depends on a deploy-time value',
      });
    }
    const { vpc, group } = vpcOfSubnetGroup(r);
    const ev = [r.evidence('PubliclyAccessible', undefined, 'not set: RDS decides from whether the subnets\' VPC has an internet gateway')];
    if (vpc) {
      const attached = r.graph.ofType('AWS::EC2::VPCGatewayAttachment', vpc).filter((a) =>
        r.graph.target(a, prop(a.properties, 'VpcId')) === vpc && prop(a.properties, 'InternetGatewayId') !== undefined);
      if (attached.length) {
        return r.fail(`PubliclyAccessible is not set and VPC ${vpc.id} of subnet group ${group!.id} has an internet gateway attached (${attached[0].id}), so RDS makes the instance public by default`, r.locate('PubliclyAccessible'),
          [...ev, evidenceAt(`${attached[0].id}.Properties.InternetGatewayId`, prop(attached[0].properties, 'InternetGatewayId'), attached[0].loc)]);
      }
      return r.pass(`PubliclyAccessible is not set and VPC ${vpc.id} of subnet group ${group!.id} has no internet gateway attached in the template, so the default is private`, r.locate('PubliclyAccessible'), ev);
    }
    const why = group ? `subnet group ${group.id} uses subnets or a VPC not declared in the template` : 'no subnet group declared in the template is used (without one, the default VPC decides)';
    const blocking: Value = { k: 'unknown', reason: `the default depends on the deployed network: ${why}`, params: [], loc: r.resource.loc };
    return r.unknown('PubliclyAccessible is not set; RDS makes the instance public when its VPC has an internet gateway, which is only known at deploy time', blocking, r.locate('PubliclyAccessible'), ev);
  },
});
