import { defineControl } from '../api.js';
import { asString } from '../../model/value.js';

export default defineControl({
  id: 'AT-EFS-004',
  title: 'EFS access points expose a directory other than the file system root',
  domain: 'authorization',
  severity: 'medium',
  resourceTypes: ['AWS::EFS::AccessPoint'],
  rationale: 'An access point confines its clients to its root directory; left at "/" (the default) it gives them the whole file system, including other applications\' data.',
  remediation: 'Set RootDirectory.Path to the application\'s own directory (with CreationInfo so EFS creates it).',
  remediationTerraform: 'Add root_directory { path = "/app" } naming the application\'s own directory (with a creation_info block so EFS creates it) to the aws_efs_access_point.',
  references: {},
  evaluate(r) {
    return r.expect('RootDirectory.Path', (v) => {
      if (v?.k === 'unknown') return { unknown: v };
      const s = asString(v);
      return s !== undefined && s.replace(/\/+$/, '') !== '';
    }, {
      pass: 'the access point confines clients to a subdirectory',
      fail: 'the access point exposes the file system root ("/"): clients can reach every directory',
      unknown: 'the access point\'s root directory depends on a value not known statically',
    }, 'not set: "/"');
  },
});
