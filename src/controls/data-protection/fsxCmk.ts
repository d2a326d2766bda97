import { defineControl } from '../api.js';
import type { ResourceContext } from '../api.js';
import { asString } from '../../model/value.js';
import { isPresent } from '../predicates.js';

/** Lustre scratch file systems are encrypted with keys FSx manages and keep no backups; SCRATCH_1 is the default deployment type. */
function isLustreScratch(r: ResourceContext): boolean | undefined {
  if (asString(r.get('FileSystemType'))?.toUpperCase() !== 'LUSTRE') return false;
  const d = r.get('LustreConfiguration.DeploymentType');
  if (d === undefined) return true;
  const s = asString(d);
  return s === undefined ? undefined : s.toUpperCase().startsWith('SCRATCH');
}

export default defineControl({
  id: 'AT-FSX-001',
  title: 'FSx file systems are encrypted with a customer managed KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::FSx::FileSystem'],
  rationale: 'FSx encrypts Windows File Server, ONTAP, OpenZFS and persistent Lustre file systems at rest, by default with the AWS managed key aws/fsx, whose policy you cannot restrict or revoke. A customer managed key puts access to the file data and its backups under your key policy. Lustre scratch file systems are encrypted with keys FSx manages and take no key, so the control does not apply to them.',
  remediation: 'Set KmsKeyId on the AWS::FSx::FileSystem to a customer managed key. It can only be chosen at creation.',
  remediationTerraform: 'Set kms_key_id to a customer managed key on the aws_fsx_windows_file_system, aws_fsx_ontap_file_system, aws_fsx_openzfs_file_system or persistent aws_fsx_lustre_file_system; it can only be chosen at creation.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    if (isLustreScratch(r) === true) return r.notApplicable('Lustre scratch file systems are encrypted with keys FSx manages and take no KMS key');
    return r.expect('KmsKeyId', isPresent, {
      pass: 'file data is encrypted with the customer managed key in KmsKeyId',
      fail: 'KmsKeyId is not set: the file system is encrypted with the AWS managed key aws/fsx',
      unknown: 'the KMS key depends on a deploy-time value',
    });
  },
});
