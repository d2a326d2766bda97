import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { asList, asString } from '../../model/value.js';
import { isFalse } from '../predicates.js';
import { isWorldCidr } from '../lib/network.js';

export default defineControl({
  id: 'AT-EKS-002',
  title: 'EKS cluster API endpoints are private or limited to known networks',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::EKS::Cluster'],
  rationale: 'The Kubernetes API server controls every workload in the cluster. EKS exposes it to the whole internet by default (public endpoint, 0.0.0.0/0), leaving only authentication between it and anyone who finds it or a leaked credential.',
  remediation: 'Set ResourcesVpcConfig.EndpointPublicAccess: false with EndpointPrivateAccess: true, or keep the public endpoint and set PublicAccessCidrs to the networks that administer the cluster.',
  remediationTerraform: 'Set endpoint_public_access = false and endpoint_private_access = true in the vpc_config block of the aws_eks_cluster (the public endpoint is on when unset), or keep it and set public_access_cidrs to the networks that administer the cluster.',
  references: { checkov: ['CKV_AWS_39', 'CKV_AWS_38'], trivy: ['AVD-AWS-0040', 'AVD-AWS-0041'], guard: ['EKS_ENDPOINT_NO_PUBLIC_ACCESS'] },
  evaluate(r): Outcome {
    const cfgPath = 'ResourcesVpcConfig';
    const pubPath = `${cfgPath}.EndpointPublicAccess`;
    const pub = r.get(pubPath);
    const d = decide(pub, isFalse);
    const pubEv = r.evidence(pubPath, pub, pub === undefined ? 'not set: EKS defaults to a public endpoint' : undefined);
    if (d === true) return r.pass('the API endpoint is private only (EndpointPublicAccess: false)', r.locate(pubPath), [pubEv]);
    const cidrPath = `${cfgPath}.PublicAccessCidrs`;
    const cidrs = r.get(cidrPath);
    if (cidrs && cidrs.k === 'unknown') return r.unknown('the networks allowed to reach the public endpoint depend on a deploy-time value', cidrs, r.locate(cidrPath), [pubEv, r.evidence(cidrPath)]);
    const list = asList(cidrs) ?? [];
    const undecided = list.find((c) => c.k === 'unknown');
    const strs = list.map((c) => asString(c)).filter((s): s is string => s !== undefined);
    const open = cidrs === undefined || list.length === 0 || strs.some((s) => isWorldCidr(s));
    if (!open && undecided) return r.unknown('an allowed network of the public endpoint depends on a deploy-time value', undecided, undecided.loc, [pubEv, r.evidence(cidrPath)]);
    if (!open) return r.pass(`the public endpoint${d === false ? '' : ', if enabled,'} is limited to ${strs.join(', ')}`, r.locate(cidrPath), [pubEv, r.evidence(cidrPath)]);
    if (d !== false) return r.unknown('whether the API endpoint is public depends on a deploy-time value', d.unknown, r.locate(pubPath), [pubEv, r.evidence(cidrPath)]);
    const why = cidrs === undefined || list.length === 0 ? 'PublicAccessCidrs is not set, so EKS allows 0.0.0.0/0' : `PublicAccessCidrs includes ${strs.filter((s) => isWorldCidr(s)).join(', ')}`;
    const at = r.locate(cidrs !== undefined ? cidrPath : pubPath);
    return r.fail(`the Kubernetes API endpoint is reachable from the whole internet: ${pub === undefined ? 'EndpointPublicAccess is not set (default true)' : 'EndpointPublicAccess is true'} and ${why}`, at,
      [pubEv, evidenceAt(`Properties.${cidrPath}`, cidrs, r.locate(cidrPath), cidrs === undefined ? 'not set: default 0.0.0.0/0' : undefined)]);
  },
});
