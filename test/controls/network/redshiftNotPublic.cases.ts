import control from '../../../src/controls/network/redshiftNotPublic.js';
import { cases, tf } from '../../helpers/cases.js';
import { cluster } from '../builders/redshift.js';

const tfCluster = (extra: string, opts: { mark?: boolean; before?: string } = {}) => `${opts.before ?? ''}resource "aws_redshift_cluster" "warehouse" {${opts.mark ? ' # <--' : ''}
  cluster_identifier     = "analytics"
  node_type              = "ra3.xlplus"
  cluster_type           = "multi-node"
  number_of_nodes        = 2
  database_name          = "analytics"
  master_username        = "admin"
  manage_master_password = true
${extra}}
`;

export default cases(control, {
  pass: [
    { name: 'not set: private', template: cluster('', { marked: true }) },
    { name: 'explicitly private', template: cluster('      PubliclyAccessible: false # <--') },
    tf(tfCluster('  publicly_accessible    = false # <--\n')),
  ],
  fail: [
    { name: 'public endpoint', template: cluster('      PubliclyAccessible: true # <--') },
    tf(tfCluster('  publicly_accessible    = true # <--\n')),
  ],
  unknown: [
    { name: 'from a parameter', template: cluster('      PubliclyAccessible: !Ref Public # <--', { before: 'Parameters:\n  Public: { Type: String }\n' }) },
    tf(tfCluster('', { mark: true }), { name: 'not set: public before provider 6.0, private from 6.0' }),
    tf(tfCluster('  publicly_accessible    = var.public # <--\n', { before: 'variable "public" {\n  type = bool\n}\n\n' }), { name: 'from a variable without a value' }),
  ],
});
