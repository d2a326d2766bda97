import control from '../../../src/controls/data-protection/sfnCustomerKey.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/sfn
      DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}'
      EncryptionConfiguration:
        Type: CUSTOMER_MANAGED_KMS_KEY # <--
        KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/abc
`,
    tf(`resource "aws_sfn_state_machine" "flow" {
  name       = "flow"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = "{}"

  encryption_configuration {
    type       = "CUSTOMER_MANAGED_KMS_KEY" # <--
    kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/abc"
  }
}
`, { name: 'customer managed key' }),
  ],
  fail: [
    `Resources:
  Flow: # <--
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/sfn
      DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}'
`,
    tf(`resource "aws_sfn_state_machine" "flow" {
  name       = "flow"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = "{}"

  encryption_configuration {
    type = "AWS_OWNED_KEY" # <--
  }
}
`, { name: 'AWS owned key' }),
    tf(`resource "aws_sfn_state_machine" "flow" { # <--
  name       = "flow"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = "{}"
}
`, { name: 'no encryption_configuration' }),
  ],
  unknown: [
    tf(`variable "key_type" {
  type = string
}

resource "aws_sfn_state_machine" "flow" {
  name       = "flow"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = "{}"

  encryption_configuration {
    type = var.key_type # <--
  }
}
`, { name: 'from a variable without a value' }),
  ],
});
