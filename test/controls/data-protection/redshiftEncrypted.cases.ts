import control from '../../../src/controls/data-protection/redshiftEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';
import { cluster } from '../builders/redshift.js';

export default cases(control, {
  pass: [
    { name: 'encrypted with a customer managed key', template: cluster('      Encrypted: true # <--\n      KmsKeyId: alias/warehouse') },
    tf(`resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  master_username     = "admin"
  manage_master_password = true
  publicly_accessible = false
  encrypted           = true # <--
  kms_key_id          = "alias/warehouse"
}
`, { name: 'encrypted = true' }),
  ],
  fail: [
    { name: 'encryption turned off', template: cluster('      Encrypted: false # <--') },
    tf(`resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  master_username     = "admin"
  manage_master_password = true
  publicly_accessible = false
  encrypted           = false # <--
}
`, { name: 'encrypted = false' }),
  ],
  unknown: [
    { name: 'not set: encrypted by default only for clusters created since 2025', template: cluster('', { marked: true }) },
    { name: 'from a parameter', template: cluster('      Encrypted: !Ref Encrypt # <--', { before: 'Parameters:\n  Encrypt: { Type: String }\n' }) },
    tf(`resource "aws_redshift_cluster" "warehouse" { # <--
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  master_username     = "admin"
  manage_master_password = true
  publicly_accessible = false
}
`, { name: 'encrypted not set: the default depends on the provider version and the creation date' }),
    tf(`variable "encrypt" {
  type = bool
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  master_username     = "admin"
  manage_master_password = true
  publicly_accessible = false
  encrypted           = var.encrypt # <--
}
`, { name: 'encrypted from a variable without a value' }),
  ],
});
