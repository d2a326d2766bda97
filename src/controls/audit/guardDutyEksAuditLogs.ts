import { defineControl } from '../api.js';
import { planOn } from '../lib/guardduty.js';

export default defineControl({
  id: 'AT-GD-003',
  title: 'GuardDuty monitors EKS audit logs',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::GuardDuty::Detector'],
  rationale: 'EKS audit log monitoring reads the Kubernetes API audit trail of every EKS cluster in the account for suspicious calls (anonymous access, privileged pods, credential access). Without it, a compromised cluster identity acts unseen by GuardDuty.',
  remediation: 'Remove the setting that disables it, or add the Features entry { Name: EKS_AUDIT_LOGS, Status: ENABLED } (or the older DataSources.Kubernetes.AuditLogs.Enable: true).',
  remediationTerraform: 'Remove the setting that disables it, or add an aws_guardduty_detector_feature with name = "EKS_AUDIT_LOGS" and status = "ENABLED" (or, before provider 6, datasources { kubernetes { audit_logs { enable = true } } }).',
  references: {},
  evaluate(r) {
    return planOn(r, { feature: 'EKS_AUDIT_LOGS', legacy: 'DataSources.Kubernetes.AuditLogs.Enable', what: 'EKS audit logs', onByDefault: true });
  },
});
