import { all, decide, defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-EFS-003',
  title: 'EFS access points enforce a POSIX user',
  domain: 'authorization',
  severity: 'medium',
  resourceTypes: ['AWS::EFS::AccessPoint'],
  rationale: 'An access point with a PosixUser replaces the user and group ids the NFS client claims with fixed ones, so a client cannot act as root or as another application\'s user through it.',
  remediation: 'Set PosixUser with Uid and Gid on the access point.',
  remediationTerraform: 'Add a posix_user block with uid and gid to the aws_efs_access_point.',
  references: {},
  evaluate(r) {
    const uid = r.get('PosixUser.Uid');
    const gid = r.get('PosixUser.Gid');
    const at = r.locate('PosixUser.Uid');
    const ev = [r.evidence('PosixUser.Uid', uid, uid === undefined ? 'not set' : undefined), r.evidence('PosixUser.Gid', gid)];
    const d = all([decide(uid, isPresent), decide(gid, isPresent)]);
    if (d === true) return r.pass('the access point enforces a POSIX user and group', at, ev);
    if (d === false) return r.fail('the access point does not enforce a POSIX user: clients keep the identity they claim', at, ev);
    return r.unknown('the enforced POSIX user depends on a value not known statically', d.unknown, at, ev);
  },
});
