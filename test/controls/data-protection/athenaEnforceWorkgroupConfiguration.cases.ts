import control from '../../../src/controls/data-protection/athenaEnforceWorkgroupConfiguration.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::Athena::WorkGroup
    Properties:
      Name: analysts
      WorkGroupConfiguration:
        EnforceWorkGroupConfiguration: true # <--
`,
    tf(`resource "aws_athena_workgroup" "analysts" {
  name = "analysts"
  
  configuration {
    enforce_workgroup_configuration = true # <--
  }
}
`, { name: 'true' }),
    tf(`resource "aws_athena_workgroup" "analysts" {
  name = "analysts"
  
  configuration { # <--
    bytes_scanned_cutoff_per_query = 10485760
  }
}
`, { name: 'configuration block without it (provider sends true)' }),
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::Athena::WorkGroup
    Properties:
      Name: analysts
      WorkGroupConfiguration:
        EnforceWorkGroupConfiguration: false # <--
`,
    tf(`resource "aws_athena_workgroup" "analysts" {
  name = "analysts"
  
  configuration {
    enforce_workgroup_configuration = false # <--
  }
}
`, { name: 'false' }),
  ],
  unknown: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::Athena::WorkGroup
    Properties:
      Name: analysts
` },
    tf(`resource "aws_athena_workgroup" "analysts" { # <--
  name = "analysts"
}
`, { name: 'no configuration block' }),
  ],
});
