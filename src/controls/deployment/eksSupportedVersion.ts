import { defineControl, type Outcome, type Verdict } from '../api.js';
import type { Value } from '../../model/types.js';
import { asString } from '../../model/value.js';

/**
 * End of standard support in Amazon EKS by Kubernetes minor version (1.x), each followed by
 * 12 months of paid extended support. Versions older than the first entry left standard
 * support before it; a version newer than the last one is not known to this release.
 * Source: the EKS Kubernetes release calendar as published in early 2026 (up to 1.35); later
 * versions (1.36 and on) are answered unknown until they are added here.
 */
const STANDARD_SUPPORT_ENDS: Record<number, string> = {
  29: '2025-03-23', 30: '2025-07-23', 31: '2025-11-26', 32: '2026-03-23', 33: '2026-07-29', 34: '2026-12-02', 35: '2027-03-27',
};
const OLDEST = 29;
const NEWEST = 35;

function minorOf(v: Value | undefined): number | undefined {
  const m = /^1\.(\d+)$/.exec((asString(v) ?? '').trim());
  return m ? Number(m[1]) : undefined;
}

export default defineControl({
  id: 'AT-EKS-005',
  title: 'EKS clusters run a Kubernetes version within standard support',
  domain: 'deployment',
  severity: 'medium',
  resourceTypes: ['AWS::EKS::Cluster'],
  rationale: 'After 14 months a Kubernetes version leaves standard support in EKS: it costs extra per cluster hour in extended support, and 12 months later EKS upgrades the control plane on its own schedule, which can break workloads that were never tested on the newer version.',
  remediation: 'Set Version to a Kubernetes version still in standard support and upgrade the cluster (and its node groups and add-ons) one minor version at a time before its end date.',
  remediationTerraform: 'Set version on the aws_eks_cluster to a Kubernetes version still in standard support and upgrade the cluster (and its aws_eks_node_group and aws_eks_addon resources) one minor version at a time before its end date.',
  references: {},
  evaluate(r): Outcome {
    const today = r.today;
    const v = r.get('Version');
    if (v === undefined) {
      const blocking: Value = { k: 'unknown', reason: 'Version is not set: EKS creates the cluster with its default version of the day, and the version the running cluster has is known only at deploy time', params: [], loc: r.resource.loc };
      return r.unknown('the Kubernetes version is chosen when the cluster is created', blocking, r.resource.loc, [r.evidence('Version', undefined, 'not set: the EKS default at creation')]);
    }
    const minor = minorOf(v);
    const ends = minor !== undefined ? STANDARD_SUPPORT_ENDS[minor] : undefined;
    const test = (x: Value | undefined): Verdict => {
      if (x && x.k === 'unknown') return { unknown: x };
      const n = minorOf(x);
      if (n === undefined) return { unknown: { k: 'unknown', reason: `"${asString(x) ?? ''}" is not a Kubernetes version of the form 1.N`, params: [], loc: x?.loc ?? r.resource.loc } };
      if (n < OLDEST) return false;
      if (n > NEWEST) return { unknown: { k: 'unknown', reason: `Kubernetes 1.${n} is newer than the versions known to this release of Attest, so its support dates are not known`, params: [], loc: x!.loc } };
      return STANDARD_SUPPORT_ENDS[n]! > today;
    };
    return r.expect('Version', test, {
      pass: `Kubernetes ${asString(v)} is in standard support${ends ? ` until ${ends}` : ''}`,
      fail: minor !== undefined && minor < OLDEST
        ? `Kubernetes ${asString(v)} left standard support before ${STANDARD_SUPPORT_ENDS[OLDEST]}`
        : `Kubernetes ${asString(v)} left standard support on ${ends ?? '(unknown date)'}: the cluster is in paid extended support and will be upgraded by EKS when it ends`,
      unknown: 'whether the Kubernetes version is still supported is not known',
    });
  },
});
