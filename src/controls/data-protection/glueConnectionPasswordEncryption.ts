import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-GLUE-005',
  title: 'The Glue Data Catalog returns connection passwords encrypted',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::Glue::DataCatalogEncryptionSettings'],
  rationale: 'Glue connections store database passwords in the Data Catalog. Unless ReturnConnectionPasswordEncrypted is on, GetConnection returns them in clear to anyone allowed to read the catalog, whether or not they may use the KMS key.',
  remediation: 'Set DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted: true with KmsKeyId.',
  remediationTerraform: 'Set data_catalog_encryption_settings { connection_password_encryption { return_connection_password_encrypted = true, aws_kms_key_id = ... } } on the aws_glue_data_catalog_encryption_settings.',
  references: { checkov: ['CKV_AWS_94'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted', isTrue, {
      pass: 'connection passwords are returned encrypted',
      fail: 'ReturnConnectionPasswordEncrypted is not true: connection passwords are readable in clear from the catalog',
      unknown: 'connection password encryption depends on a deploy-time value',
    }, 'default is false');
  },
});
