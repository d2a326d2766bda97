import { defineControl } from '../api.js';
import type { ResourceContext } from '../api.js';
import { asString } from '../../model/value.js';
import { atLeast } from '../predicates.js';

/** Lustre scratch file systems are encrypted with keys FSx manages and keep no backups; SCRATCH_1 is the default deployment type. */
function isLustreScratch(r: ResourceContext): boolean | undefined {
  if (asString(r.get('FileSystemType'))?.toUpperCase() !== 'LUSTRE') return false;
  const d = r.get('LustreConfiguration.DeploymentType');
  if (d === undefined) return true;
  const s = asString(d);
  return s === undefined ? undefined : s.toUpperCase().startsWith('SCRATCH');
}

export default defineControl({
  id: 'AT-FSX-002',
  title: 'FSx file systems keep automatic backups for at least 7 days',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::FSx::FileSystem'],
  rationale: 'Automatic daily backups are what restores an FSx file system after deletion, corruption or ransomware encryption of its shares. AutomaticBackupRetentionDays 0 turns them off. The retention FSx applies when the setting is left out differs by file system type and has changed over time (and Terraform providers send their own values), so only a declared retention is judged; left out, the result is not known. Lustre scratch file systems keep no backups and are not judged.',
  remediation: 'Set AutomaticBackupRetentionDays to 7 or more in WindowsConfiguration, LustreConfiguration, OntapConfiguration or OpenZFSConfiguration. An AWS Backup plan covering the file system is an alternative.',
  remediationTerraform: 'Set automatic_backup_retention_days to 7 or more on the aws_fsx_windows_file_system, aws_fsx_lustre_file_system, aws_fsx_ontap_file_system or aws_fsx_openzfs_file_system, or cover the file system with an AWS Backup plan.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    if (isLustreScratch(r) === true) return r.notApplicable('Lustre scratch file systems keep no backups');
    const kind = asString(r.get('FileSystemType'))?.toUpperCase();
    const conf = kind === 'WINDOWS' ? 'WindowsConfiguration' : kind === 'LUSTRE' ? 'LustreConfiguration' : kind === 'ONTAP' ? 'OntapConfiguration' : kind === 'OPENZFS' ? 'OpenZFSConfiguration' : undefined;
    if (!conf) return r.unknown('the file system type is not known from the template, so neither is its backup setting', r.get('FileSystemType'), r.locate('FileSystemType'), [r.evidence('FileSystemType')]);
    const path = `${conf}.AutomaticBackupRetentionDays`;
    if (r.get(path) === undefined && r.get(conf)?.k !== 'unknown') {
      return r.unknown(`${path} is left out: the retention FSx applies by default is not known from the template`, undefined, r.resource.loc, [r.evidence(path, undefined, 'left out; set it explicitly')]);
    }
    return r.expect(path, atLeast(7), {
      pass: 'automatic backups are kept for 7 days or more',
      fail: 'AutomaticBackupRetentionDays is below 7 (0 turns automatic backups off)',
      unknown: 'backup retention depends on a deploy-time value',
    });
  },
});
