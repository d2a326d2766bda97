import { decide, defineControl, evidenceAt, ResourceContext, type Outcome, type Verdict } from '../api.js';
import type { Loc, Value } from '../../model/types.js';
import { asString, prop } from '../../model/value.js';

const ACM = /^arn:aws[\w-]*:acm:/;
const IAM = /^arn:aws[\w-]*:iam::[^:]*:server-certificate\//;

/** Is the certificate one ACM manages: an ACM ARN, or a reference to a declared ACM certificate. */
function managedByAcm(r: ResourceContext, v: Value | undefined): Verdict {
  return decide(v, (x) => {
    if (x && x.k === 'unknown') return { unknown: x };
    const target = r.graph.target(r.resource, x);
    if (target) return target.type === 'AWS::CertificateManager::Certificate' ? true
      : { unknown: { k: 'unknown', reason: `the certificate comes from ${target.id} (${target.sourceType ?? target.type}), not an ACM certificate resource the scan reads`, params: [], loc: x!.loc } };
    const s = asString(x) ?? '';
    if (ACM.test(s)) return true;
    if (IAM.test(s)) return false;
    return { unknown: { k: 'unknown', reason: `the certificate ${s || '(reference)'} is not known to be an ACM or an IAM certificate`, params: [], loc: x?.loc ?? r.resource.loc } };
  });
}

export default defineControl({
  id: 'AT-ELB-013',
  title: 'Load balancer TLS listeners use certificates managed by ACM',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancing::LoadBalancer'],
  rationale: 'Certificates uploaded to IAM are files someone generated, handled and must remember to replace before they expire; their private keys have passed through people\'s hands. ACM keeps the private key out of reach and renews the certificates it issues automatically, so an expired certificate does not take the service down.',
  remediation: 'Request or import the certificate in ACM and reference it: Certificates[].CertificateArn on an AWS::ElasticLoadBalancingV2::Listener, or SSLCertificateId on the Listeners of an AWS::ElasticLoadBalancing::LoadBalancer.',
  remediationTerraform: 'Request or import the certificate in ACM (aws_acm_certificate) and reference its ARN in certificate_arn of the aws_lb_listener, or in ssl_certificate_id of the listener blocks of the aws_elb.',
  references: { guard: ['ELBV2_ACM_CERTIFICATE_REQUIRED'] },
  evaluate(r): Outcome | Outcome[] {
    const certs: { v: Value | undefined; at: Loc; path: string }[] = [];
    if (r.type === 'AWS::ElasticLoadBalancingV2::Listener') {
      const proto = r.get('Protocol');
      const tls = decide(proto, (x) => (x && x.k === 'unknown' ? { unknown: x } : ['HTTPS', 'TLS'].includes(asString(x)?.toUpperCase() ?? '')));
      if (tls === false) return r.notApplicable('the listener does not terminate TLS');
      if (tls !== true) return r.unknown('the listener protocol depends on a deploy-time value', tls.unknown, r.locate('Protocol'), [r.evidence('Protocol')]);
      const list = r.get('Certificates');
      if (list?.k === 'unknown') return r.unknown('the certificates are not known', list, r.locate('Certificates'), [r.evidence('Certificates')]);
      (list?.k === 'list' ? list.items : []).forEach((c, i) => {
        const v = c.k === 'unknown' ? c : prop(c, 'CertificateArn');
        certs.push({ v, at: c.k === 'object' ? c.keyLocs.get('CertificateArn') ?? c.loc : c.loc, path: `Certificates[${i}].CertificateArn` });
      });
      if (!certs.length) return r.fail('the TLS listener names no certificate', r.locate('Certificates'), [r.evidence('Certificates', undefined, 'not set')]);
    } else {
      const list = r.get('Listeners');
      if (list?.k === 'unknown') return r.unknown('the listeners are not known', list, r.locate('Listeners'), [r.evidence('Listeners')]);
      for (const [i, l] of (list?.k === 'list' ? list.items : []).entries()) {
        if (l.k === 'unknown') { certs.push({ v: l, at: l.loc, path: `Listeners[${i}]` }); continue; }
        const p = prop(l, 'Protocol');
        const tls = decide(p, (x) => (x && x.k === 'unknown' ? { unknown: x } : ['HTTPS', 'SSL'].includes(asString(x)?.toUpperCase() ?? '')));
        if (tls === false) continue;
        const v = tls === true ? prop(l, 'SSLCertificateId') : p;
        certs.push({ v, at: (l.k === 'object' ? l.keyLocs.get(tls === true ? 'SSLCertificateId' : 'Protocol') : undefined) ?? l.loc, path: `Listeners[${i}].SSLCertificateId` });
      }
      if (!certs.length) return r.notApplicable('no listener terminates HTTPS or SSL');
    }
    const outs: Outcome[] = certs.map((c) => {
      const ev = [evidenceAt(`Properties.${c.path}`, c.v, c.at)];
      const d = c.v === undefined ? false : managedByAcm(r, c.v);
      if (d === true) return r.pass('the certificate is managed by ACM', c.at, ev);
      if (d === false) return r.fail(c.v === undefined ? 'the TLS listener names no certificate' : `the certificate ${asString(c.v)} is an IAM server certificate, not an ACM one`, c.at, ev);
      return r.unknown('cannot tell whether the certificate is managed by ACM', d.unknown, c.at, ev);
    });
    const bad = outs.filter((o) => o.status !== 'pass');
    return bad.length ? bad : outs;
  },
});
