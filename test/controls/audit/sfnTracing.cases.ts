import control from '../../../src/controls/audit/sfnTracing.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/sfn
      DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}'
      TracingConfiguration:
        Enabled: true # <--
`,
    `Transform: AWS::Serverless-2016-10-31
Resources:
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Role: arn:aws:iam::111122223333:role/sfn
      Definition: { StartAt: A, States: { A: { Type: Succeed } } }
      Tracing:
        Enabled: true # <--
`,
    tf(`resource "aws_sfn_state_machine" "flow" {
  name       = "flow"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = "{}"

  tracing_configuration {
    enabled = true # <--
  }
}
`, { name: 'tracing enabled' }),
  ],
  fail: [
    `Resources:
  Flow: # <--
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/sfn
      DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}'
`,
    tf(`resource "aws_sfn_state_machine" "flow" { # <--
  name       = "flow"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = "{}"
}
`, { name: 'no tracing_configuration' }),
    tf(`resource "aws_sfn_state_machine" "flow" {
  name       = "flow"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = "{}"

  tracing_configuration {
    enabled = false # <--
  }
}
`, { name: 'tracing disabled' }),
  ],
  unknown: [
    tf(`variable "trace" {
  type = bool
}

resource "aws_sfn_state_machine" "flow" {
  name       = "flow"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = "{}"

  tracing_configuration {
    enabled = var.trace # <--
  }
}
`, { name: 'from a variable without a value' }),
  ],
});
