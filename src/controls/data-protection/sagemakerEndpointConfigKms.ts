import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-SAGE-005',
  title: 'SageMaker endpoint configurations encrypt endpoint storage with a KMS key',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::SageMaker::EndpointConfig'],
  rationale: 'Instances behind a SageMaker endpoint keep the model and inference data on attached storage. With KmsKeyId, that storage is encrypted under a KMS key you control; without it, SageMaker uses a key you cannot govern.',
  remediation: 'Set KmsKeyId on the AWS::SageMaker::EndpointConfig to a customer managed key.',
  remediationTerraform: 'Set kms_key_arn on the aws_sagemaker_endpoint_configuration to a customer managed key.',
  references: { checkov: [], trivy: [], cfn_nag: ['W1200'], cdk_nag: [], guard: ['SAGEMAKER_ENDPOINT_CONFIGURATION_KMS_KEY_CONFIGURED'] },
  evaluate(r) {
    return r.expect('KmsKeyId', isPresent, {
      pass: 'endpoint storage is encrypted with the KMS key in KmsKeyId',
      fail: 'KmsKeyId is not set: endpoint storage is not encrypted with a key you control',
      unknown: 'the KMS key depends on a deploy-time value',
    });
  },
});
