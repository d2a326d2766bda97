import { defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';
import { configuring, locOf, noneFound, otherEvidence } from '../lib/workloads.js';

const LOGGING = 'AWS::NetworkFirewall::LoggingConfiguration';

export default defineControl({
  id: 'AT-NFW-004',
  title: 'Network Firewall firewalls send their logs to a destination',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::NetworkFirewall::Firewall'],
  rationale: 'Without a logging configuration the firewall keeps no record of the flows it saw or the alerts its stateful rules raised, so neither an investigation nor rule tuning has anything to work from.',
  remediation: 'Declare an AWS::NetworkFirewall::LoggingConfiguration whose FirewallArn references the firewall and whose LoggingConfiguration.LogDestinationConfigs names at least one ALERT or FLOW destination.',
  remediationTerraform: 'Declare an aws_networkfirewall_logging_configuration with firewall_arn set to the firewall and a logging_configuration block whose log_destination_config has log_type "ALERT" or "FLOW".',
  references: {},
  evaluate(r): Outcome {
    const name = asString(r.get('FirewallName'));
    const byName = name ? r.graph.withLiteral(LOGGING, 'FirewallName', r.resource, name) : [];
    const configs = [...new Set([...configuring(r, [LOGGING], 'FirewallArn'), ...configuring(r, [LOGGING], 'FirewallName'), ...byName])];
    if (!configs.length) return noneFound(r, 'no AWS::NetworkFirewall::LoggingConfiguration in the scanned templates names this firewall (one made outside them would not be seen)', LOGGING);
    for (const c of configs) {
      const lc = c.properties.props.get('LoggingConfiguration');
      const dests = prop(lc, 'LogDestinationConfigs');
      const at = lc?.k === 'object' ? lc.keyLocs.get('LogDestinationConfigs') ?? lc.loc : locOf(c, 'LoggingConfiguration');
      if (dests?.k === 'list' && dests.items.length > 0) {
        return r.pass(`${c.id} sends the firewall's logs to ${dests.items.length} destination(s)`, at, [otherEvidence(c, 'FirewallArn'), evidenceAt(`${c.id}.Properties.LoggingConfiguration.LogDestinationConfigs`, dests, at)]);
      }
      if (dests?.k === 'unknown') return r.unknown(`the log destinations of ${c.id} are not known`, dests, at, [evidenceAt(`${c.id}.Properties.LoggingConfiguration.LogDestinationConfigs`, dests, at)]);
    }
    const c = configs[0];
    return r.fail(`${c.id} names this firewall but lists no log destination`, locOf(c, 'LoggingConfiguration'), [otherEvidence(c, 'LoggingConfiguration')]);
  },
});
