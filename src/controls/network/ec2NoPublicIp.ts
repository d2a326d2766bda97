import { decide, defineControl, evidenceAt, type Outcome, type ResourceContext } from '../api.js';
import type { Loc, Value } from '../../model/types.js';
import { asBool, asList, prop } from '../../model/value.js';
import { keyAt } from '../lib/operations.js';

const isTrueV = (v: Value | undefined) => (v && v.k === 'unknown' ? { unknown: v } : asBool(v) === true);

export default defineControl({
  id: 'AT-EC2-004',
  title: 'EC2 instances do not receive public IP addresses',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'],
  rationale: 'An instance with a public IP address in a subnet routed to an internet gateway is reachable from the internet, held back only by its security groups; instances that serve no public traffic should have none and be reached through load balancers, Session Manager or a VPN.',
  remediation: 'Set AssociatePublicIpAddress: false on network interfaces (and launch configurations), and launch instances into subnets with MapPublicIpOnLaunch false; put public endpoints behind a load balancer.',
  remediationTerraform: 'Set associate_public_ip_address = false on the aws_instance or aws_launch_configuration (and in network_interfaces of the aws_launch_template), and launch into aws_subnet resources with map_public_ip_on_launch = false; put public endpoints behind a load balancer.',
  references: { trivy: ['AVD-AWS-0009'], guard: ['EC2_INSTANCE_NO_PUBLIC_IP'] },
  evaluate(r): Outcome {
    if (r.type === 'AWS::AutoScaling::LaunchConfiguration') {
      const v = r.get('AssociatePublicIpAddress');
      if (v === undefined) return r.notApplicable('AssociatePublicIpAddress is not set: the subnets of the Auto Scaling group decide (see AT-VPC-002)');
      return judge(r, v, r.locate('AssociatePublicIpAddress'), 'Properties.AssociatePublicIpAddress', 'the launch configuration');
    }
    const listPath = r.type === 'AWS::EC2::LaunchTemplate' ? 'LaunchTemplateData.NetworkInterfaces' : 'NetworkInterfaces';
    const nics = r.get(listPath);
    if (nics && nics.k === 'unknown') return r.unknown('the network interfaces depend on a deploy-time value', nics, r.locate(listPath), [r.evidence(listPath)]);
    const items = asList(nics) ?? [];
    for (const [i, nic] of items.entries()) {
      const v = prop(nic, 'AssociatePublicIpAddress');
      if (v === undefined) continue;
      const o = judge(r, v, keyAt(nic, 'AssociatePublicIpAddress'), `Properties.${listPath}[${i}].AssociatePublicIpAddress`, `network interface ${i}`);
      if (o.status !== 'pass') return o;
    }
    const explicit = items.find((n) => prop(n, 'AssociatePublicIpAddress') !== undefined);
    if (explicit) {
      const i = items.indexOf(explicit);
      return r.pass('no network interface asks for a public IP address', keyAt(explicit, 'AssociatePublicIpAddress'), [evidenceAt(`Properties.${listPath}[${i}].AssociatePublicIpAddress`, prop(explicit, 'AssociatePublicIpAddress'), keyAt(explicit, 'AssociatePublicIpAddress'))]);
    }
    if (r.type === 'AWS::EC2::LaunchTemplate') return r.notApplicable('the template does not set AssociatePublicIpAddress: the subnet it is launched into decides (see AT-VPC-002)');
    // Without an explicit setting the subnet's MapPublicIpOnLaunch decides.
    const subnetV = prop(items[0], 'SubnetId') ?? r.get('SubnetId');
    const at = items.length ? keyAt(items[0], 'SubnetId') : r.locate('SubnetId');
    if (!subnetV) {
      const blocking: Value = { k: 'unknown', reason: 'no subnet is named, so the instance launches into the default VPC\'s default subnet, which assigns public IP addresses unless the account changed it (not known from the template)', params: [], loc: at };
      return r.unknown('cannot tell whether the instance gets a public IP address', blocking, at, [r.evidence('SubnetId', undefined, 'not set')]);
    }
    if (subnetV.k === 'unknown') return r.unknown('the subnet depends on a deploy-time value', subnetV, at, [evidenceAt('Properties.SubnetId', subnetV, at)]);
    const subnet = r.graph.target(r.resource, subnetV);
    if (!subnet || subnet.type !== 'AWS::EC2::Subnet') {
      const blocking: Value = { k: 'unknown', reason: 'the subnet is not declared in the scanned templates, so whether it assigns public IP addresses is not known', params: [], loc: at };
      return r.unknown('cannot tell whether the instance gets a public IP address', blocking, at, [evidenceAt('Properties.SubnetId', subnetV, at)]);
    }
    const map = subnet.properties.props.get('MapPublicIpOnLaunch');
    const mapAt = subnet.properties.keyLocs.get('MapPublicIpOnLaunch') ?? subnet.loc;
    const ev = [evidenceAt('Properties.SubnetId', subnetV, at), evidenceAt(`${subnet.id}.Properties.MapPublicIpOnLaunch`, map, mapAt, map === undefined ? 'not set: false' : undefined)];
    const d = decide(map, isTrueV);
    if (d === true) return r.fail(`the instance sets no AssociatePublicIpAddress and its subnet ${subnet.id} assigns public IP addresses (MapPublicIpOnLaunch: true)`, mapAt, ev);
    if (d === false) return r.pass(`subnet ${subnet.id} does not assign public IP addresses and the instance does not ask for one`, at, ev);
    return r.unknown(`whether subnet ${subnet.id} assigns public IP addresses depends on a deploy-time value`, d.unknown, mapAt, ev);
  },
});

function judge(r: ResourceContext, v: Value, at: Loc, path: string, what: string): Outcome {
  const ev = [evidenceAt(path, v, at)];
  const d = decide(v, isTrueV);
  if (d === true) return r.fail(`${what} asks for a public IP address (AssociatePublicIpAddress: true)`, at, ev);
  if (d === false) return r.pass(`${what} does not ask for a public IP address`, at, ev);
  return r.unknown(`whether ${what} gets a public IP address depends on a deploy-time value`, d.unknown, at, ev);
}
