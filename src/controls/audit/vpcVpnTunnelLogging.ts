import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { prop } from '../../model/value.js';
import { isTrue } from '../predicates.js';

const PATH = 'VpnTunnelOptionsSpecifications';

export default defineControl({
  id: 'AT-VPC-009',
  title: 'Site-to-Site VPN connections log the activity of both tunnels',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::EC2::VPNConnection'],
  rationale: 'Tunnel logs record IKE negotiation, dead peer detection and tunnel state changes. Without them a tunnel that flaps, or a peer that tries unexpected parameters, leaves no trace. A VPN connection always has two tunnels, and traffic may use either.',
  remediation: 'Give both entries of VpnTunnelOptionsSpecifications LogOptions.CloudwatchLogOptions with LogEnabled: true and a LogGroupArn.',
  remediationTerraform: 'Set tunnel1_log_options and tunnel2_log_options on the aws_vpn_connection, each with cloudwatch_log_options { log_enabled = true, log_group_arn = ... }.',
  references: {},
  evaluate(r): Outcome {
    const v = r.get(PATH);
    if (v?.k === 'unknown') return r.unknown('the tunnel options are not known', v, r.locate(PATH), [r.evidence(PATH)]);
    const items = v?.k === 'list' ? v.items : [];
    const ev = [];
    let unknown: Outcome | undefined;
    for (let i = 0; i < 2; i++) {
      const t = items[i];
      const flag = prop(prop(prop(t, 'LogOptions'), 'CloudwatchLogOptions'), 'LogEnabled');
      const at = flag?.loc ?? (t && t.k === 'object' ? t.loc : r.locate(PATH));
      const e = evidenceAt(`Properties.${PATH}[${i}].LogOptions.CloudwatchLogOptions.LogEnabled`, flag, at, t ? undefined : 'tunnel not specified: logging is off by default');
      ev.push(e);
      const d = decide(flag, isTrue);
      if (d === false) return r.fail(`tunnel ${i + 1} does not log to CloudWatch (LogEnabled is ${flag ? 'false' : 'not set, and defaults to false'})`, at, [e]);
      if (d !== true && !unknown) unknown = r.unknown(`whether tunnel ${i + 1} logs depends on a deploy-time value`, d.unknown, at, [e]);
    }
    if (unknown) return unknown;
    return r.pass('both tunnels log their activity to CloudWatch Logs', r.locate(PATH), ev);
  },
});
