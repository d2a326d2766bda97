import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-ATH-002',
  title: 'Athena workgroups enforce their configuration over client settings',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::Athena::WorkGroup'],
  rationale: 'Unless the workgroup enforces its configuration, each client may supply its own result location and encryption settings, so the workgroup\'s encryption and output controls are only a suggestion. CloudFormation does not state what Athena applies when the property is left out, so that case is reported as not known.',
  remediation: 'Set WorkGroupConfiguration.EnforceWorkGroupConfiguration: true.',
  remediationTerraform: 'Set configuration { enforce_workgroup_configuration = true } on the aws_athena_workgroup (the provider sends true when a configuration block leaves it out).',
  references: { checkov: ['CKV_AWS_82'], trivy: ['AVD-AWS-0007'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    if (r.get('WorkGroupConfiguration.EnforceWorkGroupConfiguration') === undefined && !(r.get('WorkGroupConfiguration')?.k === 'unknown')) {
      return r.unknown('EnforceWorkGroupConfiguration is left out: whether Athena enforces the workgroup settings is not known from the template', undefined, r.resource.loc,
        [r.evidence('WorkGroupConfiguration.EnforceWorkGroupConfiguration', undefined, 'left out; set it explicitly')]);
    }
    return r.expect('WorkGroupConfiguration.EnforceWorkGroupConfiguration', isTrue, {
      pass: 'workgroup settings override client-side settings',
      fail: 'EnforceWorkGroupConfiguration is false: clients can override the result location and encryption',
      unknown: 'enforcement depends on a deploy-time value',
    });
  },
});
