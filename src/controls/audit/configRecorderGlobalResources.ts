import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-CFG-002',
  title: 'AWS Config records global resource types such as IAM',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::Config::ConfigurationRecorder'],
  rationale: 'IAM users, roles and policies are global resources; unless at least one recorder includes them, changes to permissions leave no configuration history.',
  remediation: 'Set RecordingGroup.IncludeGlobalResourceTypes: true (together with AllSupported: true) on the recorder in one region.',
  remediationTerraform: 'Set include_global_resource_types = true (with all_supported = true) in the recording_group block of the aws_config_configuration_recorder in one region.',
  references: {},
  evaluate(r) {
    return r.expect('RecordingGroup.IncludeGlobalResourceTypes', isTrue, {
      pass: 'global resource types (IAM) are recorded',
      fail: 'RecordingGroup.IncludeGlobalResourceTypes is not true: IAM configuration changes are not recorded by this recorder',
      unknown: 'whether global resource types are recorded depends on a deploy-time value',
    });
  },
});
