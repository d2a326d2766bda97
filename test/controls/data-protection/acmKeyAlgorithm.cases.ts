import control from '../../../src/controls/data-protection/acmKeyAlgorithm.js';
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
  key_algorithm     = "EC_prime256v1" # <--
}
`, { name: 'EC key' }),
  ],
  fail: [
    `Resources:
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: www.example.com
      ValidationMethod: DNS
      KeyAlgorithm: RSA_1024 # <--
`,
    tf(`resource "aws_acm_certificate" "www" {
  domain_name       = "www.example.com"
  validation_method = "DNS"
  key_algorithm     = "RSA_1024" # <--
}
`, { name: 'RSA_1024' }),
  ],
  unknown: [
    tf(`resource "aws_acm_certificate" "imported" {
  private_key      = "-----BEGIN PRIVATE KEY-----"
  certificate_body = "-----BEGIN CERTIFICATE-----" # <--
}
`, { name: 'imported certificate' }),
    tf(`variable "alg" {
  type = string
}

resource "aws_acm_certificate" "www" {
  domain_name       = "www.example.com"
  validation_method = "DNS"
  key_algorithm     = var.alg # <--
}
`, { name: 'from a variable without a value' }),
  ],
});
