import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-GLUE-004',
  title: 'The Glue Data Catalog is encrypted at rest with KMS',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::Glue::DataCatalogEncryptionSettings'],
  rationale: 'The Data Catalog holds the schemas, locations and connection definitions of every dataset Glue, Athena, EMR and Redshift Spectrum use. With CatalogEncryptionMode DISABLED this metadata is not encrypted with a KMS key, and access to it cannot be tied to a key policy.',
  remediation: 'Set DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode: SSE-KMS (with SseAwsKmsKeyId) or SSE-KMS-WITH-SERVICE-ROLE.',
  remediationTerraform: 'Set data_catalog_encryption_settings { encryption_at_rest { catalog_encryption_mode = "SSE-KMS" (with sse_aws_kms_key_id) or "SSE-KMS-WITH-SERVICE-ROLE" } } on the aws_glue_data_catalog_encryption_settings.',
  references: { checkov: ['CKV_AWS_94'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode', oneOf(['SSE-KMS', 'SSE-KMS-WITH-SERVICE-ROLE'], true), {
      pass: 'the Data Catalog is encrypted with KMS',
      fail: 'CatalogEncryptionMode is not SSE-KMS: the Data Catalog metadata is not encrypted with KMS',
      unknown: 'catalog encryption depends on a deploy-time value',
    }, 'left out, catalog encryption is DISABLED');
  },
});
