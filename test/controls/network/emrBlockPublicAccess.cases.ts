import control from '../../../src/controls/network/emrBlockPublicAccess.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    tf(`resource "aws_emr_block_public_access_configuration" "account" {
  block_public_security_group_rules = true # <--
  
  permitted_public_security_group_rule_range {
    min_range = 22
    max_range = 22
  }
}
`, { name: 'on, port 22 permitted' }),
  ],
  fail: [
    tf(`resource "aws_emr_block_public_access_configuration" "account" {
  block_public_security_group_rules = false # <--
}
`, { name: 'off' }),
  ],
  unknown: [
    tf(`variable "block" {
  type = bool
}

resource "aws_emr_block_public_access_configuration" "account" {
  block_public_security_group_rules = var.block # <--
}
`, { name: 'from a variable' }),
  ],
});
