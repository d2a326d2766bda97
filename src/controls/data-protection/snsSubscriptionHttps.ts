import { defineControl, evidenceAt, type Outcome, type ResourceContext } from '../api.js';
import type { Loc, Value } from '../../model/types.js';
import { asList, asString, prop } from '../../model/value.js';

function judge(r: ResourceContext, protocol: Value | undefined, at: Loc, path: string): Outcome {
  const ev = [evidenceAt(path, protocol, at)];
  if (protocol?.k === 'unknown') return r.unknown('the subscription protocol depends on a value not known statically', protocol, at, ev);
  const p = (asString(protocol) ?? '').toLowerCase();
  if (p === 'http') return r.fail('the subscription delivers messages over plain HTTP: they cross the network unencrypted', at, ev);
  return r.pass(`the subscription uses ${p || 'its'} protocol, not plain HTTP`, at, ev);
}

export default defineControl({
  id: 'AT-SNS-004',
  title: 'SNS subscriptions do not deliver over plain HTTP',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::SNS::Subscription', 'AWS::SNS::Topic'],
  rationale: 'An http subscription sends every message, and the subscription confirmation token, unencrypted to its endpoint; https keeps them protected by TLS. Topics are judged on their inline Subscription list only.',
  remediation: 'Use Protocol: https with an https:// Endpoint on AWS::SNS::Subscription (or in the Subscription list of AWS::SNS::Topic).',
  remediationTerraform: 'Set protocol = "https" with an https:// endpoint on the aws_sns_topic_subscription.',
  references: {},
  evaluate(r) {
    if (r.type === 'AWS::SNS::Subscription') {
      const at = r.properties.props.has('Protocol') ? r.locate('Protocol') : r.resource.loc;
      return judge(r, r.get('Protocol'), at, 'Properties.Protocol');
    }
    const list = r.get('Subscription');
    if (list === undefined) return undefined;
    if (list.k === 'unknown') return r.unknown('the topic\'s subscriptions depend on a value not known statically', list, r.locate('Subscription'), [r.evidence('Subscription', list)]);
    return (asList(list) ?? []).map((s, i) => {
      const at = s.k === 'object' ? s.keyLocs.get('Protocol') ?? s.loc : s.loc;
      return judge(r, s.k === 'unknown' ? s : prop(s, 'Protocol'), at, `Properties.Subscription.${i}.Protocol`);
    });
  },
});
