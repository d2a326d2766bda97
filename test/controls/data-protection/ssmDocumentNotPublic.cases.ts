import control from '../../../src/controls/data-protection/ssmDocumentNotPublic.js';
import { cases, tf } from '../../helpers/cases.js';

// Sharing can only be declared in Terraform; CloudFormation documents are not applicable.
export default cases(control, {
  pass: [
    tf(`resource "aws_ssm_document" "patch" { # <--
  name          = "patch"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    mainSteps     = []
  })
}
`, { name: 'not shared' }),
    tf(`resource "aws_ssm_document" "patch" {
  name          = "patch"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    mainSteps     = []
  })
  permissions = {
    type        = "Share"
    account_ids = "444455556666,777788889999" # <--
  }
}
`, { name: 'shared with named accounts' }),
  ],
  fail: [
    tf(`resource "aws_ssm_document" "patch" {
  name          = "patch"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    mainSteps     = []
  })
  permissions = {
    type        = "Share"
    account_ids = "All" # <--
  }
}
`, { name: 'shared with All' }),
  ],
  unknown: [
    tf(`variable "accounts" {
  type = string
}

resource "aws_ssm_document" "patch" {
  name          = "patch"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    mainSteps     = []
  })
  permissions = {
    type        = "Share"
    account_ids = var.accounts # <--
  }
}
`, { name: 'accounts from a variable' }),
  ],
  not_applicable: [
    `Resources:
  Doc:
    Type: AWS::SSM::Document
    Properties:
      DocumentType: Command
      Content:
        schemaVersion: '2.2'
        mainSteps: []
`,
  ],
});
