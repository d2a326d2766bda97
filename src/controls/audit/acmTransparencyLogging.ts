import { defineControl } from '../api.js';
import { noneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-ACM-001',
  title: 'ACM certificates are recorded in certificate transparency logs',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::CertificateManager::Certificate'],
  rationale: 'Certificate transparency logs let a domain\'s owner spot certificates issued for it that they did not request, and browsers reject public certificates missing from them. Opting out hides the certificate from that monitoring and can break clients. Certificates from a private CA are never logged, so the setting does not apply to them.',
  remediation: 'Leave CertificateTransparencyLoggingPreference unset or ENABLED.',
  remediationTerraform: 'Leave options { certificate_transparency_logging_preference } of the aws_acm_certificate unset or "ENABLED" (the default).',
  references: { checkov: ['CKV_AWS_234'] },
  evaluate(r) {
    if (r.get('CertificateAuthorityArn') !== undefined) return r.notApplicable('a private CA issues this certificate: private certificates are not written to public transparency logs');
    return r.expect('CertificateTransparencyLoggingPreference', noneOf(['DISABLED'], true), {
      pass: 'the certificate is written to certificate transparency logs (ENABLED is the default)',
      fail: 'CertificateTransparencyLoggingPreference is DISABLED: the certificate is kept out of transparency logs',
      unknown: 'transparency logging depends on a deploy-time value',
    });
  },
});
