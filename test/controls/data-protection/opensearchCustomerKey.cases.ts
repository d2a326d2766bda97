import control from '../../../src/controls/data-protection/opensearchCustomerKey.js';
import { cases, tf } from '../../helpers/cases.js';
import { cfnParam, domain, tfDomain, tfVar } from '../builders/opensearch.js';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

export default cases(control, {
  pass: [
    { name: 'customer managed key', template: domain(`      EncryptionAtRestOptions:
        Enabled: true
        KmsKeyId: ${KEY} # <--`) },
    tf(tfDomain(`  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.search.arn # <--
  }`, { before: 'resource "aws_kms_key" "search" {\n  enable_key_rotation = true\n}\n\n' }), { name: 'encrypt_at_rest with a key of the configuration' }),
  ],
  fail: [
    { name: 'encrypted with the AWS managed key', template: domain(`      EncryptionAtRestOptions: # <--
        Enabled: true`) },
    tf(tfDomain(`  encrypt_at_rest { # <--
    enabled = true
  }`, { legacy: true }), { name: 'aws_elasticsearch_domain encrypt_at_rest without kms_key_id' }),
  ],
  unknown: [
    { name: 'key from a parameter without default', template: domain(`      EncryptionAtRestOptions:
        Enabled: true
        KmsKeyId: !Ref Key # <--`, { before: cfnParam('Key') }) },
    tf(tfDomain(`  encrypt_at_rest {
    enabled    = true
    kms_key_id = var.kms_key_arn # <--
  }`, { before: tfVar('kms_key_arn', 'string') }), { name: 'kms_key_id from a variable without a value' }),
  ],
  not_applicable: [
    { name: 'not encrypted at rest (AT-OS-001 fails it)', template: domain('      DomainName: search') },
    tf(tfDomain(`  encrypt_at_rest {
    enabled = false
  }`), { name: 'encrypt_at_rest disabled' }),
  ],
});
