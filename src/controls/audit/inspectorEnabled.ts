import { defineControl } from '../api.js';
import { asStrings } from '../../model/value.js';

const NEEDED = ['EC2', 'ECR', 'LAMBDA'];

export default defineControl({
  id: 'AT-INSP-001',
  title: 'Amazon Inspector scans EC2 instances, ECR images and Lambda functions',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::InspectorV2::Enabler'],
  rationale: 'Amazon Inspector finds known vulnerabilities in running instances, container images and function packages only for the resource types it is activated for. CloudFormation cannot activate Inspector, so this is judged on Terraform\'s aws_inspector2_enabler only.',
  remediation: 'CloudFormation has no property for it: enable Amazon Inspector for EC2, ECR and LAMBDA (and LAMBDA_CODE where code scanning is wanted) with the console, CLI or the Inspector Enable API (resourceTypes).',
  remediationTerraform: 'List EC2, ECR and LAMBDA (and LAMBDA_CODE where code scanning is wanted) in resource_types of the aws_inspector2_enabler.',
  references: {},
  evaluate(r) {
    const v = r.get('ResourceTypes');
    const at = r.locate('ResourceTypes');
    const ev = [r.evidence('ResourceTypes', v)];
    if (v?.k === 'unknown') return r.unknown('the scanned resource types depend on a value not known statically', v, at, ev);
    if (v?.k === 'list') {
      const u = v.items.find((i) => i.k === 'unknown');
      if (u && u.k === 'unknown') return r.unknown('a scanned resource type depends on a value not known statically', u, at, ev);
    }
    const have = (asStrings(v) ?? []).map((s) => s.toUpperCase());
    const missing = NEEDED.filter((n) => !have.includes(n));
    if (missing.length) return r.fail(`Inspector is not activated for ${missing.join(', ')}`, at, ev);
    return r.pass('Inspector scans EC2, ECR and Lambda', at, ev);
  },
});
