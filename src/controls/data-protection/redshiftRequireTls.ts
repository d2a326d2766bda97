import { defineControl, evidenceAt, ResourceContext, type Outcome } from '../api.js';
import type { Value } from '../../model/types.js';
import { asList, asString, prop } from '../../model/value.js';

export default defineControl({
  id: 'AT-RSH-004',
  title: 'Redshift clusters require TLS from clients (require_ssl)',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::Redshift::Cluster'],
  rationale: 'Unless the parameter group sets require_ssl, the cluster also accepts unencrypted connections, and clients that do not insist on TLS send credentials and query results in the clear.',
  remediation: 'Reference an AWS::Redshift::ClusterParameterGroup whose Parameters include {ParameterName: require_ssl, ParameterValue: "true"} in ClusterParameterGroupName.',
  remediationTerraform: 'Set cluster_parameter_group_name on the aws_redshift_cluster to an aws_redshift_parameter_group with a parameter block { name = "require_ssl", value = "true" }.',
  references: {},
  evaluate(r): Outcome {
    const ref = r.get('ClusterParameterGroupName');
    const at = r.locate('ClusterParameterGroupName');
    const ev = [r.evidence('ClusterParameterGroupName', ref, ref === undefined ? 'not set: the default parameter group' : undefined)];
    if (ref && ref.k === 'unknown') return r.unknown('the parameter group depends on a deploy-time value', ref, at, ev);
    const literal = asString(ref);
    if (ref === undefined || literal?.startsWith('default.')) {
      const blocking: Value = { k: 'unknown', reason: 'the default parameter group requires TLS only for clusters created since January 2025, so it depends on when the cluster was created (deploy time)', params: [], loc: at };
      return r.unknown('the cluster uses a default parameter group', blocking, at, ev);
    }
    const group = r.graph.target(r.resource, ref) ?? (literal ? r.graph.withLiteral('AWS::Redshift::ClusterParameterGroup', 'ParameterGroupName', r.resource, literal)[0] : undefined);
    if (!group || group.type !== 'AWS::Redshift::ClusterParameterGroup') {
      const blocking: Value = { k: 'unknown', reason: `parameter group ${literal ?? '(reference)'} is not declared in the scanned templates, so its require_ssl is not known`, params: [], loc: ref.loc };
      return r.unknown('cannot tell whether the cluster requires TLS', blocking, at, ev);
    }
    const gc = new ResourceContext(group, r.graph, r.today);
    const params = gc.get('Parameters');
    if (params && params.k === 'unknown') return r.unknown(`the parameters of ${group.id} depend on a deploy-time value`, params, params.loc, ev);
    const entry = (asList(params) ?? []).find((p) => asString(prop(p, 'ParameterName')) === 'require_ssl');
    if (!entry) {
      const gat = gc.locate('Parameters');
      return r.fail(`${group.id} does not set require_ssl, which defaults to false: the cluster accepts unencrypted connections`, gat, [...ev, evidenceAt(`${group.id}.Properties.Parameters`, params, gat, 'require_ssl not set')]);
    }
    const v = prop(entry, 'ParameterValue');
    const vat = entry.k === 'object' ? entry.keyLocs.get('ParameterValue') ?? entry.loc : entry.loc;
    const gev = [...ev, evidenceAt(`${group.id}.Properties.Parameters.require_ssl`, v, vat)];
    if (v && v.k === 'unknown') return r.unknown(`require_ssl in ${group.id} depends on a deploy-time value`, v, vat, gev);
    const s = (asString(v) ?? '').toLowerCase();
    if (s === 'true') return r.pass(`${group.id} sets require_ssl to true: unencrypted connections are refused`, vat, gev);
    return r.fail(`${group.id} sets require_ssl to ${asString(v) ?? '(empty)'}: the cluster accepts unencrypted connections`, vat, gev);
  },
});
