import { defineControl } from '../api.js';
import { planOn } from '../lib/guardduty.js';

export default defineControl({
  id: 'AT-GD-006',
  title: 'GuardDuty Runtime Monitoring is enabled',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::GuardDuty::Detector'],
  rationale: 'Runtime Monitoring watches process, file and network activity inside EC2 instances, ECS tasks and EKS pods through a security agent, catching what log-based detection cannot see (a reverse shell, a crypto miner). Unlike the other protection plans, a new detector does not turn it on.',
  remediation: 'Add the Features entry { Name: RUNTIME_MONITORING, Status: ENABLED } with AdditionalConfiguration enabling automated agent management (EKS_ADDON_MANAGEMENT, ECS_FARGATE_AGENT_MANAGEMENT, EC2_AGENT_MANAGEMENT) for the workloads in use.',
  remediationTerraform: 'Add an aws_guardduty_detector_feature with name = "RUNTIME_MONITORING", status = "ENABLED" and additional_configuration blocks enabling automated agent management (EKS_ADDON_MANAGEMENT, ECS_FARGATE_AGENT_MANAGEMENT, EC2_AGENT_MANAGEMENT) for the workloads in use.',
  references: {},
  evaluate(r) {
    return planOn(r, { feature: 'RUNTIME_MONITORING', what: 'runtime events of EC2, ECS and EKS workloads', onByDefault: false });
  },
});
