import control from '../../../src/controls/authorization/opensearchFineGrainedAccess.js';
import { cases, tf } from '../../helpers/cases.js';
import { cfnParam, domain, marked, tfDomain, tfVar } from '../builders/opensearch.js';

export default cases(control, {
  pass: [
    { name: 'fine-grained access control with an IAM master role', template: domain(`      AdvancedSecurityOptions:
        Enabled: true # <--
        MasterUserOptions:
          MasterUserARN: arn:aws:iam::111122223333:role/search-admin`) },
    tf(tfDomain(`  advanced_security_options {
    enabled = true # <--
    master_user_options {
      master_user_arn = "arn:aws:iam::111122223333:role/search-admin"
    }
  }`), { name: 'advanced_security_options enabled' }),
  ],
  fail: [
    { name: 'no AdvancedSecurityOptions', template: marked(domain('      DomainName: search')) },
    { name: 'explicitly disabled on the legacy type', template: domain(`      AdvancedSecurityOptions:
        Enabled: false # <--`, { type: 'AWS::Elasticsearch::Domain' }) },
    tf(marked(tfDomain('')), { name: 'no advanced_security_options block' }),
    tf(tfDomain(`  advanced_security_options {
    enabled = false # <--
  }`, { legacy: true }), { name: 'aws_elasticsearch_domain advanced_security_options disabled' }),
  ],
  unknown: [
    { name: 'switch from a parameter without default', template: domain(`      AdvancedSecurityOptions:
        Enabled: !Ref Fgac # <--`, { before: cfnParam('Fgac') }) },
    tf(tfDomain(`  advanced_security_options {
    enabled = var.fgac # <--
  }`, { before: tfVar('fgac', 'bool') }), { name: 'enabled from a variable without a value' }),
  ],
});
