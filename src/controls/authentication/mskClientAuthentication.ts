import { decide, defineControl, evidenceAt } from '../api.js';
import { isPresent, isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-MSK-006',
  title: 'MSK clusters require client authentication',
  domain: 'authentication',
  severity: 'high',
  resourceTypes: ['AWS::MSK::Cluster'],
  rationale: 'A cluster with unauthenticated access enabled, or with no client authentication method configured at all, lets any client that reaches a broker produce and consume on every topic; Kafka ACLs cannot tell clients apart. IAM, SASL/SCRAM or mutual TLS give each client an identity.',
  remediation: 'Set ClientAuthentication with Sasl.Iam.Enabled, Sasl.Scram.Enabled or Tls (certificate authorities), and leave Unauthenticated.Enabled false.',
  remediationTerraform: 'Add client_authentication to the aws_msk_cluster with sasl { iam = true } (or scram = true) or tls { certificate_authority_arns = [...] }, and keep unauthenticated = false.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const look = (path: string, test = isTrue) => {
      const v = r.get(path);
      return { path, v, d: decide(v, test), at: v === undefined ? r.resource.loc : r.locate(path) };
    };
    const unauth = look('ClientAuthentication.Unauthenticated.Enabled');
    const methods = [look('ClientAuthentication.Sasl.Iam.Enabled'), look('ClientAuthentication.Sasl.Scram.Enabled'),
      look('ClientAuthentication.Tls.Enabled'), look('ClientAuthentication.Tls.CertificateAuthorityArnList', isPresent)];
    const ev = [unauth, ...methods].map((x) => evidenceAt(`Properties.${x.path}`, x.v, x.at));
    if (unauth.d === true) return r.fail('Unauthenticated.Enabled is true: clients can connect without authenticating', unauth.at, ev);
    if (unauth.d !== false) return r.unknown('unauthenticated access depends on a deploy-time value', unauth.d.unknown, unauth.at, ev);
    const on = methods.find((x) => x.d === true);
    if (on) return r.pass('clients must authenticate and unauthenticated access is off', on.at, ev);
    const blocked = methods.find((x) => x.d !== false);
    if (blocked && blocked.d !== true && blocked.d !== false) return r.unknown('client authentication depends on a deploy-time value', blocked.d.unknown, blocked.at, ev);
    const at = r.get('ClientAuthentication') ? r.locate('ClientAuthentication') : r.resource.loc;
    return r.fail('no client authentication method is enabled: MSK lets clients connect unauthenticated', at, ev);
  },
});
