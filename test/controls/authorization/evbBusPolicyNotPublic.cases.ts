import control from '../../../src/controls/authorization/evbBusPolicyNotPublic.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Policy:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: org
      Action: events:PutEvents
      Principal: "*" # <--
      Condition: { Type: StringEquals, Key: aws:PrincipalOrgID, Value: o-abc123 }
`,
    `Resources:
  Policy:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: partner
      Statement:
        Effect: Allow
        Principal: { AWS: arn:aws:iam::444455556666:root } # <--
        Action: events:PutEvents
        Resource: arn:aws:events:eu-west-1:111122223333:event-bus/default
`,
    tf(`resource "aws_cloudwatch_event_permission" "partner" {
  principal    = "444455556666" # <--
  statement_id = "partner"
}
`, { name: 'one named account' }),
    tf(`resource "aws_cloudwatch_event_permission" "org" {
  principal    = "*" # <--
  statement_id = "org"

  condition {
    key   = "aws:PrincipalOrgID"
    type  = "StringEquals"
    value = "o-abc123"
  }
}
`, { name: 'principal * limited to the organization' }),
  ],
  fail: [
    `Resources:
  Policy:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: everyone
      Action: events:PutEvents
      Principal: "*" # <--
`,
    tf(`resource "aws_cloudwatch_event_permission" "everyone" {
  principal    = "*" # <--
  statement_id = "everyone"
}
`, { name: 'principal * without a condition' }),
    tf(`resource "aws_cloudwatch_event_bus_policy" "bus" {
  event_bus_name = "orders"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "everyone"
      Effect    = "Allow"
      Principal = "*" # <--
      Action    = "events:PutEvents"
      Resource  = "arn:aws:events:eu-west-1:111122223333:event-bus/orders"
    }]
  })
}
`, { name: 'bus policy document allowing *' }),
  ],
  unknown: [
    { name: 'principal from a parameter without a value', template: `Parameters:
  Who: { Type: String }
Resources:
  Policy:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: p
      Action: events:PutEvents
      Principal: !Ref Who # <--
` },
    tf(`variable "who" {
  type = string
}

resource "aws_cloudwatch_event_bus_policy" "bus" {
  event_bus_name = "orders"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.who } # <--
      Action    = "events:PutEvents"
      Resource  = "arn:aws:events:eu-west-1:111122223333:event-bus/orders"
    }]
  })
}
`, { name: 'principal from a variable without a value: not a pass' }),
  ],
  not_applicable: [
    `Resources:
  Bus:
    Type: AWS::Events::EventBus
    Properties:
      Name: orders
`,
  ],
});
