import control from '../../../src/controls/data-protection/s3AccountPublicAccessBlock.js';
import { cases, tf } from '../../helpers/cases.js';

// Terraform only: CloudFormation cannot declare the account-level block.
export default cases(control, {
  pass: [
    tf(`resource "aws_s3_account_public_access_block" "account" { # <--
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}
`, { name: 'all four on' }),
  ],
  fail: [
    tf(`resource "aws_s3_account_public_access_block" "account" {
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false # <--
  restrict_public_buckets = true
}
`, { name: 'block_public_policy = false' }),
    tf(`resource "aws_s3_account_public_access_block" "account" { # <--
  block_public_acls = true
}
`, { name: 'settings left out (false)' }),
  ],
  unknown: [
    tf(`variable "restrict" {
  type = bool
}

resource "aws_s3_account_public_access_block" "account" {
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = var.restrict # <--
}
`, { name: 'restrict_public_buckets from a variable' }),
  ],
});
