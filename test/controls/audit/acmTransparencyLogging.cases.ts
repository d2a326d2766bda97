import control from '../../../src/controls/audit/acmTransparencyLogging.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Cert: # <--
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: www.example.com
      ValidationMethod: DNS
`,
    tf(`resource "aws_acm_certificate" "www" {
  domain_name       = "www.example.com"
  validation_method = "DNS"

  options {
    certificate_transparency_logging_preference = "ENABLED" # <--
  }
}
`, { name: 'ENABLED' }),
  ],
  fail: [
    `Resources:
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: www.example.com
      ValidationMethod: DNS
      CertificateTransparencyLoggingPreference: DISABLED # <--
`,
    tf(`resource "aws_acm_certificate" "www" {
  domain_name       = "www.example.com"
  validation_method = "DNS"

  options {
    certificate_transparency_logging_preference = "DISABLED" # <--
  }
}
`, { name: 'DISABLED' }),
  ],
  unknown: [
    tf(`variable "ct" {
  type = string
}

resource "aws_acm_certificate" "www" {
  domain_name       = "www.example.com"
  validation_method = "DNS"

  options {
    certificate_transparency_logging_preference = var.ct # <--
  }
}
`, { name: 'from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: app.internal
      CertificateAuthorityArn: arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/abc
      CertificateTransparencyLoggingPreference: DISABLED
`,
  ],
});
