import control from '../../../src/controls/audit/sfnLogging.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/sfn
      DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}'
      LoggingConfiguration:
        Level: ERROR # <--
        Destinations:
          - CloudWatchLogsLogGroup: { LogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:/sfn/flow:* }
`,
    tf(`resource "aws_sfn_state_machine" "flow" {
  name       = "flow"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = "{}"

  logging_configuration {
    log_destination        = "arn:aws:logs:eu-west-1:111122223333:log-group:/sfn/flow:*"
    include_execution_data = false
    level                  = "ALL" # <--
  }
}
`, { name: 'level ALL with a destination' }),
  ],
  fail: [
    `Resources:
  Flow: # <--
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/sfn
      DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}'
`,
    `Resources:
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/sfn
      DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}'
      LoggingConfiguration:
        Level: "OFF" # <--
`,
    tf(`resource "aws_sfn_state_machine" "flow" { # <--
  name       = "flow"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = "{}"
}
`, { name: 'no logging_configuration' }),
    tf(`resource "aws_sfn_state_machine" "flow" {
  name       = "flow"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = "{}"

  logging_configuration { # <--
    level = "ERROR"
  }
}
`, { name: 'level without a destination' }),
  ],
  unknown: [
    tf(`variable "level" {
  type = string
}

resource "aws_sfn_state_machine" "flow" {
  name       = "flow"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = "{}"

  logging_configuration {
    log_destination = "arn:aws:logs:eu-west-1:111122223333:log-group:/sfn/flow:*"
    level           = var.level # <--
  }
}
`, { name: 'level from a variable without a value' }),
  ],
});
