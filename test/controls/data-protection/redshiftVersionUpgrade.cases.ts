import control from '../../../src/controls/data-protection/redshiftVersionUpgrade.js';
import { cases, tf } from '../../helpers/cases.js';
import { cluster } from '../builders/redshift.js';

const tfCluster = (body: string, before = '') => `${before}resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = true
${body ? body.replace(/\n?$/, '\n') : ''}}
`;

export default cases(control, {
  pass: [
    { name: 'not set: upgrades allowed by default', template: cluster('', { marked: true }) },
    { name: 'explicitly allowed', template: cluster('      AllowVersionUpgrade: true # <--') },
    tf(tfCluster('').replace('"warehouse" {\n', '"warehouse" { # <--\n'), { name: 'allow_version_upgrade not set (defaults to true)' }),
    tf(tfCluster('  allow_version_upgrade  = true # <--'), { name: 'allow_version_upgrade = true' }),
  ],
  fail: [
    { name: 'upgrades disallowed', template: cluster('      AllowVersionUpgrade: false # <--') },
    tf(tfCluster('  allow_version_upgrade  = false # <--'), { name: 'allow_version_upgrade = false' }),
  ],
  unknown: [
    { name: 'from a parameter without default', template: cluster('      AllowVersionUpgrade: !Ref Upgrade # <--', { before: 'Parameters:\n  Upgrade: { Type: String }\n' }) },
    tf(tfCluster('  allow_version_upgrade  = var.upgrade # <--', 'variable "upgrade" {\n  type = bool\n}\n\n'), { name: 'allow_version_upgrade from a variable without a value' }),
  ],
});
