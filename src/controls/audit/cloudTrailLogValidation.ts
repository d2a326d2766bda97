import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-CT-002',
  title: 'CloudTrail log file integrity validation is enabled',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  rationale: 'Digest files signed by CloudTrail let you prove that log files were not altered or deleted after delivery, which an investigation or auditor relies on.',
  remediation: 'Set EnableLogFileValidation: true on the trail.',
  remediationTerraform: 'Set enable_log_file_validation = true on the aws_cloudtrail; the provider leaves it off when unset.',
  references: { checkov: ['CKV_AWS_36'], trivy: ['AVD-AWS-0016'], guard: ['CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED'] },
  evaluate(r) {
    return r.expect('EnableLogFileValidation', isTrue, {
      pass: 'log file integrity validation is enabled',
      fail: 'EnableLogFileValidation is not true: tampering with delivered log files cannot be detected',
    });
  },
});
