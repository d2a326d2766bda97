import control from '../../../src/controls/audit/inspectorEnabled.js';
import { cases, tf } from '../../helpers/cases.js';

// Terraform only: CloudFormation cannot activate Amazon Inspector.
export default cases(control, {
  pass: [
    tf(`resource "aws_inspector2_enabler" "this" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE"] # <--
}
`, { name: 'EC2, ECR and Lambda' }),
  ],
  fail: [
    tf(`resource "aws_inspector2_enabler" "this" {
  account_ids    = ["111122223333"]
  resource_types = ["ECR"] # <--
}
`, { name: 'ECR only' }),
  ],
  unknown: [
    tf(`variable "types" {
  type = list(string)
}

resource "aws_inspector2_enabler" "this" {
  account_ids    = ["111122223333"]
  resource_types = var.types # <--
}
`, { name: 'types from a variable' }),
  ],
});
