import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-SAGE-006',
  title: 'SageMaker models run with network isolation',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::SageMaker::Model'],
  rationale: 'A model container with network isolation cannot make outbound network calls, so a compromised or malicious model image cannot send inference data or credentials elsewhere. Without it, the container can reach any network its placement allows.',
  remediation: 'Set EnableNetworkIsolation: true; supply model artefacts through ModelDataUrl, which SageMaker downloads on the container\'s behalf.',
  remediationTerraform: 'Set enable_network_isolation = true on the aws_sagemaker_model; supply model artefacts through model_data_url of its container, which SageMaker downloads on the container\'s behalf.',
  references: { checkov: ['CKV_AWS_370'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('EnableNetworkIsolation', isTrue, {
      pass: 'model containers run without network access',
      fail: 'EnableNetworkIsolation is not true: model containers can make outbound network calls',
      unknown: 'network isolation depends on a deploy-time value',
    });
  },
});
