import { defineControl, type Outcome } from '../api.js';

export default defineControl({
  id: 'AT-ASG-003',
  title: 'Auto Scaling groups launch instances from launch templates, not launch configurations',
  domain: 'deployment',
  severity: 'low',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  rationale: 'Launch configurations are deprecated: they are immutable, cannot use newer instance types or features, and AWS no longer adds settings to them. Launch templates are versioned and support current security settings such as the full set of instance metadata options.',
  remediation: 'Replace LaunchConfigurationName with LaunchTemplate (LaunchTemplateId and Version) or MixedInstancesPolicy.LaunchTemplate.',
  remediationTerraform: 'Replace launch_configuration on the aws_autoscaling_group with a launch_template block (id and version) or a mixed_instances_policy.',
  references: { checkov: ['CKV_AWS_315'] },
  evaluate(r): Outcome {
    for (const p of ['LaunchTemplate', 'MixedInstancesPolicy']) {
      const v = r.get(p);
      if (v?.k === 'unknown') return r.unknown('how the group launches instances is not known', v, r.locate(p), [r.evidence(p)]);
      if (v) return r.pass(`instances are launched from a launch template (${p})`, r.locate(p), [r.evidence(p)]);
    }
    const lc = r.get('LaunchConfigurationName');
    if (lc) return r.fail('the group launches instances from a launch configuration, which is deprecated', r.locate('LaunchConfigurationName'), [r.evidence('LaunchConfigurationName')]);
    return r.unknown('the group names neither a launch template nor a launch configuration that the scan reads (an InstanceId, or a Terraform mixed_instances_policy): not known', undefined, r.resource.loc, [r.evidence('LaunchTemplate', undefined, 'not set')]);
  },
});
