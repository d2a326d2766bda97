import { test } from 'node:test';
import assert from 'node:assert/strict';
import control from '../../../src/controls/iam/usersHaveNoPolicies.js';
import { scanTerraform, scanText } from '../../helpers/cases.js';

// The case table accepts a fail from any resource; these look at the user's own finding, which
// used to pass ("no policy is attached directly to the user") while a separate policy resource
// attached one to it.
const userFinding = (fs: ReturnType<typeof scanText>, id: string) => fs.find((f) => f.resource.id === id && f.controlId === control.id);

test('AT-IAM-011: a user fails when an aws_iam_user_policy attaches a policy to it', () => {
  const fs = scanTerraform(`resource "aws_iam_user" "jim" {
  name = "jim"
}

resource "aws_iam_user_policy" "p" {
  name   = "p"
  user   = aws_iam_user.jim.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
`, [control]);
  const f = userFinding(fs, 'aws_iam_user.jim');
  assert.equal(f?.status, 'fail', f?.message);
  assert.equal(f?.location.line, 7);
  assert.match(f!.message, /aws_iam_user_policy\.p/);
});

test('AT-IAM-011: a user fails when a UserPolicy or ManagedPolicy names it (Ref or literal name)', () => {
  for (const [tmpl, line] of [[`Resources:
  Alice:
    Type: AWS::IAM::User
  P:
    Type: AWS::IAM::UserPolicy
    Properties:
      UserName: !Ref Alice
      PolicyName: p
      PolicyDocument: { Statement: [] }`, 7], [`Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      UserName: alice
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Users: [bob, alice]
      PolicyDocument: { Statement: [] }`, 9]] as const) {
    const f = userFinding(scanText(tmpl, [control]), 'Alice');
    assert.equal(f?.status, 'fail', f?.message);
    assert.equal(f?.location.line, line);
  }
});

test('AT-IAM-011: a policy naming another user does not make this one fail', () => {
  const f = userFinding(scanText(`Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      UserName: alice
  P:
    Type: AWS::IAM::UserPolicy
    Properties:
      UserName: bob
      PolicyName: p
      PolicyDocument: { Statement: [] }`, [control]), 'Alice');
  assert.equal(f?.status, 'pass', f?.message);
});
