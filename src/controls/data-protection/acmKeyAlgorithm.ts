import { decide, defineControl, type Outcome } from '../api.js';
import { asString } from '../../model/value.js';

const WEAK = ['RSA_1024'];

export default defineControl({
  id: 'AT-ACM-002',
  title: 'ACM certificates use RSA keys of at least 2048 bits or elliptic curve keys',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::CertificateManager::Certificate'],
  rationale: 'A 1024-bit RSA key is within reach of well-funded attackers and no longer accepted by current clients. ACM generates RSA_2048 unless told otherwise; an imported certificate brings its own key, whose size the configuration does not show.',
  remediation: 'Leave KeyAlgorithm unset (RSA_2048) or choose RSA_2048, RSA_3072, RSA_4096 or an EC_ algorithm; replace imported certificates whose key is shorter than 2048 bits.',
  remediationTerraform: 'Leave key_algorithm on the aws_acm_certificate unset (RSA_2048) or choose RSA_2048, RSA_3072, RSA_4096 or an EC_ algorithm; replace imported certificates whose key is shorter than 2048 bits.',
  references: {},
  evaluate(r): Outcome {
    const imported = r.get('ImportedCertificateBody');
    if (imported !== undefined) {
      return r.unknown('the certificate is imported with its own key (certificate_body), whose algorithm and size are not known from the configuration', undefined, r.locate('ImportedCertificateBody'), [r.evidence('ImportedCertificateBody', imported, 'imported certificate')]);
    }
    const v = r.get('KeyAlgorithm');
    const at = r.locate('KeyAlgorithm');
    const ev = [r.evidence('KeyAlgorithm', v, v ? undefined : 'not set: ACM uses RSA_2048')];
    const d = decide(v, (x) => (x && x.k === 'unknown' ? { unknown: x } : !WEAK.includes((asString(x) ?? 'RSA_2048').toUpperCase())));
    if (d === true) return r.pass(`the key algorithm is ${asString(v) ?? 'RSA_2048 (the default)'}`, at, ev);
    if (d === false) return r.fail(`the key algorithm is ${asString(v)}: a 1024-bit RSA key is too weak`, at, ev);
    return r.unknown('the key algorithm depends on a deploy-time value', d.unknown, at, ev);
  },
});
