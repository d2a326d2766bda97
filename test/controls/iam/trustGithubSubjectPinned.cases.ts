import control from '../../../src/controls/iam/trustGithubSubjectPinned.js';
import { cases, tf } from '../../helpers/cases.js';

const role = (cond: string, pass = false) => `Resources:
  Deploy:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'${pass ? ' # <--' : ''}
        Statement:
          - Effect: Allow${pass ? '' : ' # <--'}
            Principal: { Federated: !Sub 'arn:aws:iam::\${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com' }
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
${cond}`;

export default cases(control, {
  pass: [
    role(`              StringEquals: { 'token.actions.githubusercontent.com:aud': sts.amazonaws.com }
              StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/deploy:ref:refs/heads/main' }
`, true),
    { name: 'wildcard branch in one repository', template: role(`              StringEquals: { 'token.actions.githubusercontent.com:aud': sts.amazonaws.com }
              StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:acme/deploy:*', 'repo:acme/infra:environment:prod'] }
`, true) },
    tf(`resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:acme/deploy:*" }
      }
    }]
  })
}
`, { name: 'pinned to acme/deploy' }),
  ],
  fail: [
    role(`              StringEquals: { 'token.actions.githubusercontent.com:aud': sts.amazonaws.com }
              StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' }
`),
    { name: 'sub only negated', template: role(`              StringEquals: { 'token.actions.githubusercontent.com:aud': sts.amazonaws.com }
              StringNotLike: { 'token.actions.githubusercontent.com:sub': 'repo:evil/*' }
`) },
    tf(`resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringLike = { "token.actions.githubusercontent.com:sub" = "*" }
      }
    }]
  })
}
`, { name: 'sub "*"' }),
  ],
  unknown: [
    { name: 'sub from a parameter', template: `Parameters:
  Sub: { Type: String }
${role(`              StringLike: { 'token.actions.githubusercontent.com:sub': !Ref Sub }
`)}` },
  ],
  not_applicable: [
    `Resources:
  Fn:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
`,
  ],
});
