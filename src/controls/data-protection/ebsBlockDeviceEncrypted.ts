import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Value } from '../../model/types.js';
import { asList, getPath } from '../../model/value.js';
import { isTrue } from '../predicates.js';
import { at } from '../lib/data.js';

const LISTS: Record<string, string> = {
  'AWS::EC2::Instance': 'BlockDeviceMappings',
  'AWS::EC2::LaunchTemplate': 'LaunchTemplateData.BlockDeviceMappings',
  'AWS::AutoScaling::LaunchConfiguration': 'BlockDeviceMappings',
};

export default defineControl({
  id: 'AT-EBS-002',
  title: 'EBS volumes declared in instances and launch templates are encrypted',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: Object.keys(LISTS),
  rationale: 'Block device mappings create EBS volumes with each instance; unless they ask for encryption, those volumes and their snapshots hold data in the clear (unless the account enables EBS encryption by default, which the template cannot show).',
  remediation: 'Set Ebs.Encrypted: true on every EBS block device mapping (with Ebs.KmsKeyId for a customer managed key).',
  remediationTerraform: 'Set encrypted = true (and kms_key_id for a customer managed key) in every root_block_device and ebs_block_device block of the aws_instance or aws_launch_configuration, and in block_device_mappings { ebs { } } of the aws_launch_template.',
  references: { checkov: ['CKV_AWS_8'], trivy: ['AVD-AWS-0131', 'AVD-AWS-0008'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const path = LISTS[r.type];
    const list = r.get(path);
    if (list && list.k === 'unknown') return r.unknown('the block device mappings depend on a deploy-time value', list, r.locate(path), [r.evidence(path)]);
    const ebsItems = (asList(list) ?? []).map((item, i) => ({ item, i })).filter(({ item }) => getPath(item, 'Ebs') !== undefined);
    if (ebsItems.length === 0) return r.notApplicable('no EBS block device mappings are declared; root volume encryption follows the AMI and the account default');
    const out: Outcome[] = [];
    for (const { item, i } of ebsItems) {
      const { v, loc } = at(item, 'Ebs.Encrypted', item.loc);
      const ev = [evidenceAt(`Properties.${path}.${i}.Ebs.Encrypted`, v, loc)];
      const dev = getPath(item, 'DeviceName');
      const name = dev && dev.k === 'scalar' ? String(dev.v) : `mapping ${i}`;
      const d = decide(v, isTrue);
      if (d === true) { out.push(r.pass(`${name} is encrypted`, loc, ev)); continue; }
      if (d !== false) { out.push(r.unknown(`encryption of ${name} depends on a deploy-time value`, d.unknown, loc, ev)); continue; }
      const snap = getPath(item, 'Ebs.SnapshotId');
      if (v === undefined && snap) {
        const blocking: Value = { k: 'unknown', reason: 'a volume restored from a snapshot is encrypted when the snapshot is, which is only known at deploy time', params: [], loc: snap.loc };
        out.push(r.unknown(`${name} sets no Encrypted flag and is created from a snapshot`, blocking, loc, ev));
        continue;
      }
      out.push(r.fail(`${name} is not encrypted (Ebs.Encrypted is not true)`, loc, ev));
    }
    return out;
  },
});
