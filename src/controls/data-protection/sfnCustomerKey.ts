import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-SFN-003',
  title: 'Step Functions state machines encrypt their data with a customer managed KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::StepFunctions::StateMachine'],
  rationale: 'A state machine keeps its definition and every execution\'s input, output and state data, which often carry business records or personal data. With an AWS owned key, who may decrypt that data cannot be restricted or audited in the account; a customer managed key puts it under the key policy and CloudTrail.',
  remediation: 'Set EncryptionConfiguration.Type: CUSTOMER_MANAGED_KMS_KEY with a KmsKeyId.',
  remediationTerraform: 'Add encryption_configuration { type = "CUSTOMER_MANAGED_KMS_KEY", kms_key_id = ... } to the aws_sfn_state_machine.',
  references: {},
  evaluate(r) {
    return r.expect('EncryptionConfiguration.Type', oneOf(['CUSTOMER_MANAGED_KMS_KEY']), {
      pass: 'execution data is encrypted with a customer managed KMS key',
      fail: 'EncryptionConfiguration.Type is not CUSTOMER_MANAGED_KMS_KEY: data is encrypted with an AWS owned key (the default) whose use the account cannot control',
      unknown: 'the encryption key type depends on a deploy-time value',
    });
  },
});
