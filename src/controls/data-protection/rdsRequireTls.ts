import { defineControl, evidenceAt, ResourceContext, type Outcome } from '../api.js';
import type { Loc, Resource, Value } from '../../model/types.js';
import { asString, prop } from '../../model/value.js';
import { inDbCluster } from '../lib/data.js';
import { tlsParameter, versionOf, type TlsParameter } from '../lib/rdsTls.js';

const GROUP = {
  'AWS::RDS::DBInstance': { key: 'DBParameterGroupName', type: 'AWS::RDS::DBParameterGroup', nameKey: 'DBParameterGroupName' },
  'AWS::RDS::DBCluster': { key: 'DBClusterParameterGroupName', type: 'AWS::RDS::DBClusterParameterGroup', nameKey: 'DBClusterParameterGroupName' },
} as const;

export default defineControl({
  id: 'AT-RDS-012',
  title: 'RDS databases reject connections without TLS (rds.force_ssl / require_secure_transport)',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: Object.keys(GROUP),
  rationale: 'RDS offers TLS but, for most engines and versions, also accepts plaintext connections, and clients fall back to them silently; only the parameter group can make the server refuse them, so credentials and query results never cross the network in the clear.',
  remediation: 'Use a custom parameter group (DBParameterGroup for instances, DBClusterParameterGroup for Aurora and Multi-AZ clusters) with rds.force_ssl: 1 (PostgreSQL, SQL Server) or require_secure_transport: ON (MySQL, MariaDB), and reference it from the database.',
  remediationTerraform: 'Use an aws_db_parameter_group (instances) or aws_rds_cluster_parameter_group (Aurora and Multi-AZ clusters) with a parameter block rds.force_ssl = 1 (PostgreSQL, SQL Server) or require_secure_transport = ON (MySQL, MariaDB), named in parameter_group_name / db_cluster_parameter_group_name.',
  references: {},
  evaluate(r): Outcome {
    if (inDbCluster(r)) return r.notApplicable('the instance belongs to a DB cluster; TLS enforcement is set in the cluster parameter group');
    const engineV = r.get('Engine');
    if (engineV && engineV.k === 'unknown') return r.unknown('the engine, and so the parameter that enforces TLS, depends on a deploy-time value', engineV, r.locate('Engine'), [r.evidence('Engine')]);
    const engine = asString(engineV);
    if (!engine) return r.notApplicable('no Engine is set (the database is restored from a snapshot or replicates another)');
    const tls = tlsParameter(engine);
    if (!tls) {
      const blocking: Value = { k: 'unknown', reason: `${engine} enforces TLS through an option group or listener settings, which this control does not read`, params: [], loc: engineV!.loc };
      return r.unknown(`whether ${engine} requires TLS is not known from its parameter group`, blocking, r.locate('Engine'), [r.evidence('Engine')]);
    }
    const g = GROUP[r.type as keyof typeof GROUP];
    const ref = r.get(g.key);
    const refAt = r.locate(g.key);
    const version = versionOf(r.get('EngineVersion'));
    if (ref && ref.k === 'unknown') return r.unknown('the parameter group depends on a deploy-time value', ref, refAt, [r.evidence(g.key)]);
    const literal = asString(ref);
    if (ref === undefined || literal?.startsWith('default.')) {
      return byDefault(r, tls, engine, literal ? versionOf(literal.replace(/^default\./, '')) : version, refAt, [r.evidence(g.key, ref, ref ? 'a default parameter group' : `not set: the engine's default parameter group`), r.evidence('EngineVersion')]);
    }
    const group = r.graph.target(r.resource, ref) ?? (literal ? r.graph.withLiteral(g.type, g.nameKey, r.resource, literal)[0] : undefined);
    if (!group || group.type !== g.type) {
      const blocking: Value = { k: 'unknown', reason: `parameter group ${literal ?? '(reference)'} is not declared in the scanned templates, so its ${tls.name} is not known`, params: [], loc: ref.loc };
      return r.unknown('cannot tell whether the database requires TLS', blocking, refAt, [r.evidence(g.key)]);
    }
    return fromGroup(r, tls, engine, group, refAt);
  },
});

/** The decision when the group in use is declared in the template. */
function fromGroup(r: ResourceContext, tls: TlsParameter, engine: string, group: Resource, refAt: Loc): Outcome {
  const gc = new ResourceContext(group, r.graph, r.today);
  const params = gc.get('Parameters');
  const via = evidenceAt(`Properties.${GROUP[r.type as keyof typeof GROUP].key}`, r.get(GROUP[r.type as keyof typeof GROUP].key), refAt, `parameter group ${group.id}`);
  if (params && params.k === 'unknown') return r.unknown(`the parameters of ${group.id} depend on a deploy-time value`, params, params.loc, [via]);
  const v = prop(params, tls.name);
  const at = v !== undefined && params && params.k === 'object' ? params.keyLocs.get(tls.name) ?? v.loc : gc.locate('Parameters');
  const ev = [via, evidenceAt(`${group.id}.Properties.Parameters.${tls.name}`, v, at, v === undefined ? 'not set: the family default applies' : undefined)];
  if (v && v.k === 'unknown') return r.unknown(`${tls.name} in ${group.id} depends on a deploy-time value`, v, at, ev);
  if (v !== undefined) {
    const s = asString(v) ?? '';
    return tls.on(s)
      ? r.pass(`${group.id} sets ${tls.name} to ${s}: connections without TLS are refused`, at, ev)
      : r.fail(`${group.id} sets ${tls.name} to ${s}: ${engine} accepts connections without TLS`, at, ev);
  }
  const family = asString(gc.get('Family'));
  return byDefault(r, tls, engine, versionOf(family) ?? versionOf(r.get('EngineVersion')), at, ev, `${group.id} does not set ${tls.name}, so the ${family ?? 'family'} default applies`);
}

/** The decision from the engine's default value for the version in use. */
function byDefault(r: ResourceContext, tls: TlsParameter, engine: string, version: number[] | undefined, at: Loc, ev: ReturnType<typeof evidenceAt>[], why = 'no custom parameter group sets it'): Outcome {
  const on = tls.defaultOn(version);
  if (on === true) return r.pass(`${why}; ${engine} ${version!.join('.')} defaults ${tls.name} to on, so connections without TLS are refused`, at, ev);
  if (on === false) return r.fail(`${why}; ${engine}${version ? ` ${version.join('.')}` : ''} defaults ${tls.name} to off, so connections without TLS are accepted`, at, ev);
  const blocking: Value = { k: 'unknown', reason: `the default of ${tls.name} depends on the ${engine} version, which is not set and is chosen when the database is created (deploy time)`, params: [], loc: at };
  return r.unknown(`${why}; cannot tell whether TLS is required`, blocking, at, ev);
}
