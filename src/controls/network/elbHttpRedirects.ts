import { defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString } from '../../model/value.js';
import { redirectsToHttps } from './elbCommon.js';

export default defineControl({
  id: 'AT-ELB-003',
  title: 'HTTP listeners redirect every request to HTTPS, including listener rules',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
  rationale: 'An HTTP listener whose default action redirects can still serve clear-text traffic through listener rules that forward matching paths or hosts to targets.',
  remediation: 'Make the default action of every HTTP listener a redirect with Protocol HTTPS (StatusCode HTTP_301), and attach no forwarding AWS::ElasticLoadBalancingV2::ListenerRule to it.',
  remediationTerraform: 'Give every HTTP aws_lb_listener a default_action { type = "redirect", redirect { protocol = "HTTPS", port = "443", status_code = "HTTP_301" } }, and attach no forwarding aws_lb_listener_rule to it.',
  references: {},
  evaluate(r) {
    const proto = r.get('Protocol');
    if (proto && proto.k === 'unknown') return r.unknown('cannot tell whether this is an HTTP listener', proto, r.locate('Protocol'), [r.evidence('Protocol')]);
    if (asString(proto)?.toUpperCase() !== 'HTTP') return r.notApplicable('not an HTTP listener');
    const outs: Outcome[] = [];
    const d = redirectsToHttps(r.get('DefaultActions'));
    const dev = [r.evidence('DefaultActions')];
    if (d === false) outs.push(r.fail('default action of the HTTP listener does not redirect to HTTPS', r.locate('DefaultActions'), dev));
    else if (d !== true) outs.push(r.unknown('cannot tell whether the default action redirects to HTTPS', d.unknown, r.locate('DefaultActions'), dev));
    const rules = r.graph.referrers(r.resource, 'AWS::ElasticLoadBalancingV2::ListenerRule')
      .filter((x) => r.graph.target(x, x.properties.props.get('ListenerArn')) === r.resource);
    for (const rule of rules) {
      const acts = rule.properties.props.get('Actions');
      const at = rule.properties.keyLocs.get('Actions') ?? rule.loc;
      const ev = [evidenceAt('Properties.Actions', acts, at, `listener rule ${rule.id}`)];
      const v = redirectsToHttps(acts);
      if (v === false) outs.push(r.fail(`listener rule ${rule.id} on the HTTP listener does not redirect to HTTPS: matching requests are served in clear text`, at, ev));
      else if (v !== true) outs.push(r.unknown(`cannot tell whether listener rule ${rule.id} redirects to HTTPS`, v.unknown, at, ev));
    }
    if (outs.length) return outs;
    return r.pass(`the HTTP listener${rules.length ? ` and its ${rules.length} listener rule(s)` : ''} only redirect to HTTPS`, r.locate('DefaultActions'), dev);
  },
});
