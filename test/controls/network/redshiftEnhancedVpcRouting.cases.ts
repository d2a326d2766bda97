import control from '../../../src/controls/network/redshiftEnhancedVpcRouting.js';
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
  publicly_accessible    = false
${extra}}
`;

export default cases(control, {
  pass: [
    { name: 'enhanced VPC routing on', template: cluster('      EnhancedVpcRouting: true # <--') },
    tf(tfCluster('  enhanced_vpc_routing   = true # <--\n')),
  ],
  fail: [
    { name: 'not set', template: cluster('', { marked: true }) },
    { name: 'off', template: cluster('      EnhancedVpcRouting: false # <--') },
    tf(tfCluster('', { mark: true }), { name: 'not set: off by default' }),
    tf(tfCluster('  enhanced_vpc_routing   = false # <--\n')),
  ],
  unknown: [
    { name: 'from a parameter', template: cluster('      EnhancedVpcRouting: !Ref Routing # <--', { before: 'Parameters:\n  Routing: { Type: String }\n' }) },
    tf(tfCluster('  enhanced_vpc_routing   = var.enhanced_routing # <--\n', { before: 'variable "enhanced_routing" {\n  type = bool\n}\n\n' }), { name: 'from a variable without a value' }),
  ],
});
