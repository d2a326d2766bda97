import { defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Value } from '../../model/types.js';
import { asList, asString, prop } from '../../model/value.js';

/** The log types that record who called the API server and what it allowed. */
const REQUIRED = ['api', 'audit', 'authenticator'];

export default defineControl({
  id: 'AT-EKS-003',
  title: 'EKS clusters send API, audit and authenticator logs to CloudWatch Logs',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::EKS::Cluster'],
  rationale: 'Control plane logs are off by default. Without the audit and authenticator logs there is no record of who used the Kubernetes API or which IAM identity was mapped to which Kubernetes user, which is what an investigation needs first.',
  remediation: 'Set Logging.ClusterLogging.EnabledTypes to include api, audit and authenticator (controllerManager and scheduler help troubleshooting).',
  remediationTerraform: 'Set enabled_cluster_log_types on the aws_eks_cluster to include "api", "audit" and "authenticator" ("controllerManager" and "scheduler" help troubleshooting).',
  references: { checkov: ['CKV_AWS_37'], trivy: ['AVD-AWS-0038'] },
  evaluate(r): Outcome {
    const path = 'Logging.ClusterLogging.EnabledTypes';
    const v = r.get(path);
    const at = r.locate(path);
    if (v && v.k === 'unknown') return r.unknown('the enabled log types depend on a deploy-time value', v, at, [r.evidence(path)]);
    const items = asList(v) ?? [];
    const undecided = items.map((x) => (x.k === 'object' ? prop(x, 'Type') : x)).find((x): x is Value & { k: 'unknown' } => !!x && x.k === 'unknown');
    const types = items.map((x) => asString(x.k === 'object' ? prop(x, 'Type') : x)).filter((s): s is string => s !== undefined);
    const missing = REQUIRED.filter((t) => !types.includes(t));
    const ev = [evidenceAt(`Properties.${path}`, v, at, v === undefined ? 'not set: control plane logging is off' : undefined)];
    if (missing.length === 0) return r.pass(`control plane logs sent: ${types.join(', ')}`, at, ev);
    if (undecided) return r.unknown(`whether ${missing.join(', ')} logging is enabled depends on a deploy-time value`, undecided, undecided.loc, ev);
    return r.fail(v === undefined || items.length === 0 ? 'control plane logging is off: no API, audit or authenticator logs are kept' : `control plane logs ${missing.join(', ')} are not enabled (enabled: ${types.join(', ')})`, at, ev);
  },
});
