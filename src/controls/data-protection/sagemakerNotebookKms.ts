import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-SAGE-003',
  title: 'SageMaker notebook instances encrypt their storage with a KMS key',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  rationale: 'The notebook\'s ML storage volume holds datasets, notebooks and model artefacts users work on. Naming a KMS key encrypts the volume under a key whose policy you control and whose use is logged in CloudTrail.',
  remediation: 'Set KmsKeyId to a customer managed KMS key. It can only be set when the instance is created.',
  remediationTerraform: 'Set kms_key_id on the aws_sagemaker_notebook_instance to a customer managed KMS key; it can only be set when the instance is created.',
  references: { checkov: [], trivy: [], cfn_nag: ['W1201'], cdk_nag: [], guard: ['SAGEMAKER_NOTEBOOK_INSTANCE_KMS_KEY_CONFIGURED'] },
  evaluate(r) {
    return r.expect('KmsKeyId', isPresent, {
      pass: 'the storage volume is encrypted with the KMS key in KmsKeyId',
      fail: 'KmsKeyId is not set: the storage volume is not encrypted with a key you control',
      unknown: 'the KMS key depends on a deploy-time value',
    });
  },
});
