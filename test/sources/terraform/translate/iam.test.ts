import assert from 'node:assert/strict';
import { test } from 'node:test';
import noAccessKeys from '../../../../src/controls/iam/noAccessKeys.js';
import noAdminStatements from '../../../../src/controls/iam/noAdminStatements.js';
import noPrivilegedManagedPolicies from '../../../../src/controls/iam/noPrivilegedManagedPolicies.js';
import roleSessionDuration from '../../../../src/controls/iam/roleSessionDuration.js';
import trustNoWildcardPrincipal from '../../../../src/controls/iam/trustNoWildcardPrincipal.js';
import usersHaveNoPolicies from '../../../../src/controls/iam/usersHaveNoPolicies.js';
import usersInGroups from '../../../../src/controls/iam/usersInGroups.js';
import type { Resource } from '../../../../src/model/types.js';
import { getPath, render } from '../../../../src/model/value.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import { tfFindings, tfResources } from '../../../helpers/tf.js';

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const trust = (principal: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: principal }] });
const allowAll = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

function keyLoc(r: Resource | undefined, path: string) {
  const parts = path.split('.');
  const parent = parts.length > 1 ? getPath(r?.properties, parts.slice(0, -1).join('.')) : r?.properties;
  return parent?.k === 'object' ? parent.keyLocs.get(parts[parts.length - 1]!) : undefined;
}

const byId = (rs: Resource[], id: string) => rs.find((r) => r.id === id);

test('aws_iam_role: trust and inline policies as documents, session length and tags, each at its argument', () => {
  const out = translate(tfResources('iam.tf', {
    'aws_iam_role.app': { // 1
      name: 'app', // 2
      assume_role_policy: trust({ Service: 'lambda.amazonaws.com' }), // 3
      max_session_duration: 7200, // 4
      inline_policy: [{ name: 'all', policy: allowAll }], // 5, item 6, name 7, policy 8
      tags: { team: 'core' }, // 9, team 10
    },
  }));
  assert.deepEqual(out.notes, []);
  const r = out.resources[0]!;
  assert.equal(r.type, 'AWS::IAM::Role');
  assert.equal(render(getPath(r.properties, 'AssumeRolePolicyDocument.Statement')), '[{Effect: "Allow", Action: "sts:AssumeRole", Principal: {Service: "lambda.amazonaws.com"}}]');
  assert.deepEqual(keyLoc(r, 'AssumeRolePolicyDocument'), { file: 'iam.tf', line: 3, column: 3, path: 'aws_iam_role.app.assume_role_policy' });
  assert.equal(render(getPath(r.properties, 'MaxSessionDuration')), '7200');
  assert.deepEqual(keyLoc(r, 'MaxSessionDuration'), { file: 'iam.tf', line: 4, column: 3, path: 'aws_iam_role.app.max_session_duration' });
  const policies = getPath(r.properties, 'Policies');
  const first = policies?.k === 'list' ? policies.items[0] : undefined;
  assert.equal(policies?.k === 'list' && policies.items.length, 1);
  assert.equal(render(getPath(first, 'PolicyName')), '"all"');
  assert.equal(render(getPath(first, 'PolicyDocument.Statement')), '[{Effect: "Allow", Action: "*", Resource: "*"}]');
  assert.deepEqual(first?.k === 'object' && first.keyLocs.get('PolicyDocument'), { file: 'iam.tf', line: 8, column: 3, path: 'aws_iam_role.app.inline_policy[0].policy' });
  assert.equal(render(getPath(r.properties, 'Tags')), '[{Key: "team", Value: "core"}]');
});

test('an empty inline_policy block lists no policy; a policy from a data source stays unknown', () => {
  const out = translate(tfResources('iam.tf', {
    'aws_iam_role.a': { assume_role_policy: { unknown: 'data.aws_iam_policy_document.trust' }, inline_policy: [{}] },
  }));
  const r = out.resources[0]!;
  assert.equal(getPath(r.properties, 'Policies'), undefined);
  assert.equal(getPath(r.properties, 'AssumeRolePolicyDocument')?.k, 'unknown');
});

test('managed policy attachments add to the ManagedPolicyArns of the role, user or group they name (by reference or by name)', () => {
  const out = translate(tfResources('iam.tf', {
    'aws_iam_role.a': { name: 'a', assume_role_policy: trust({ Service: 'ec2.amazonaws.com' }) }, // 1-3
    'aws_iam_role.b': { name: 'b', assume_role_policy: trust({ Service: 'ec2.amazonaws.com' }) }, // 4-6
    'aws_iam_user.u': { name: 'u' }, // 7-8
    'aws_iam_policy.p': { name: 'p', policy: allowAll }, // 9-11
    'aws_iam_role_policy_attachment.a1': { role: { ref: 'aws_iam_role.a', attr: 'name' }, policy_arn: { ref: 'aws_iam_policy.p', attr: 'arn' } }, // 12-14
    'aws_iam_role_policy_attachment.a2': { role: 'a', policy_arn: ADMIN }, // 15-17
    'aws_iam_policy_attachment.all': { name: 'all', roles: ['b'], users: [{ ref: 'aws_iam_user.u', attr: 'name' }], policy_arn: ADMIN }, // 18; roles 20, item 21; users 22, item 23; policy_arn 24
  }));
  assert.deepEqual(out.notes, []);
  const a = byId(out.resources, 'aws_iam_role.a');
  assert.equal(render(getPath(a?.properties, 'ManagedPolicyArns')), `[aws_iam_policy.p.arn, "${ADMIN}"]`);
  assert.deepEqual(keyLoc(a, 'ManagedPolicyArns'), { file: 'iam.tf', line: 14, column: 3, path: 'aws_iam_role_policy_attachment.a1.policy_arn' });
  const arns = getPath(a?.properties, 'ManagedPolicyArns');
  assert.deepEqual(arns?.k === 'list' && arns.items[1]!.loc, { file: 'iam.tf', line: 17, column: 3, path: 'aws_iam_role_policy_attachment.a2.policy_arn' });
  assert.ok(a?.refs.has('aws_iam_policy.p'));
  for (const id of ['aws_iam_role.b', 'aws_iam_user.u']) {
    const r = byId(out.resources, id);
    assert.equal(render(getPath(r?.properties, 'ManagedPolicyArns')), `["${ADMIN}"]`, id);
    assert.equal(keyLoc(r, 'ManagedPolicyArns')?.line, 24, id);
  }
  assert.equal(byId(out.resources, 'aws_iam_policy.p')?.type, 'AWS::IAM::ManagedPolicy');
});

test('AT-IAM-005 on Terraform: an attached AdministratorAccess fails at the attachment\'s policy_arn; a customer policy passes', () => {
  const f = tfFindings(tfResources('iam.tf', {
    'aws_iam_role.a': { name: 'a', assume_role_policy: trust({ Service: 'ec2.amazonaws.com' }) }, // 1-3
    'aws_iam_role.b': { name: 'b', assume_role_policy: trust({ Service: 'ec2.amazonaws.com' }) }, // 4-6
    'aws_iam_policy.p': { name: 'p', policy: allowAll }, // 7-9
    'aws_iam_role_policy_attachment.admin': { role: { ref: 'aws_iam_role.a', attr: 'name' }, policy_arn: ADMIN }, // 10-12
    'aws_iam_role_policy_attachment.own': { role: 'b', policy_arn: { ref: 'aws_iam_policy.p', attr: 'arn' } }, // 13-15
  }), noPrivilegedManagedPolicies);
  assert.deepEqual(f.map((x) => [x.resource.id, x.status, x.location.line]), [['aws_iam_role.a', 'fail', 12], ['aws_iam_role.b', 'pass', 15]]);
  assert.equal(f[0]!.evidence[0]!.origin, 'aws_iam_role_policy_attachment.admin.policy_arn');
  assert.equal(f[0]!.resource.sourceType, 'aws_iam_role');
});

test('an attachment whose role cannot be told may add its policy to every role: AT-IAM-005 is unknown there, not a pass', () => {
  const input = tfResources('iam.tf', {
    'aws_iam_role.a': { name: 'a', assume_role_policy: trust({ Service: 'ec2.amazonaws.com' }), managed_policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }, // 1-5
    'aws_iam_role_policy_attachment.x': { role: { unknown: 'var.role' }, policy_arn: ADMIN }, // 6-8
  });
  const out = translate(input);
  assert.equal(out.notes.length, 1);
  assert.match(out.notes[0]!.message, /cannot tell which resource aws_iam_role_policy_attachment\.x configures: var\.role has no value/);
  const arns = getPath(out.resources[0]!.properties, 'ManagedPolicyArns');
  assert.equal(arns?.k, 'list');
  assert.equal(arns?.k === 'list' && arns.items.length, 2);
  assert.equal(arns?.k === 'list' && arns.items[1]!.k, 'unknown');
  const f = tfFindings(input, noPrivilegedManagedPolicies);
  assert.deepEqual(f.map((x) => [x.status, x.location.line]), [['unknown', 8]]);
});

test('AT-IAM-001 on Terraform: a managed policy allowing everything fails at its policy; a data-source policy is unknown', () => {
  const f = tfFindings(tfResources('iam.tf', {
    'aws_iam_policy.p': { name: 'p', policy: allowAll }, // 1-3
    'aws_iam_role_policy.q': { role: 'a', policy: { unknown: 'data.aws_iam_policy_document.q' } }, // 4-6
    'aws_iam_group_policy.g': { group: 'devs', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }) }, // 7-9
  }), noAdminStatements);
  assert.deepEqual(f.map((x) => [x.resource.id, x.resource.type, x.status, x.location.line]), [
    ['aws_iam_policy.p', 'AWS::IAM::ManagedPolicy', 'fail', 3],
    ['aws_iam_role_policy.q', 'AWS::IAM::RolePolicy', 'unknown', 6],
    ['aws_iam_group_policy.g', 'AWS::IAM::GroupPolicy', 'pass', 9],
  ]);
});

test('AT-IAM trust: a role anyone may assume fails at assume_role_policy', () => {
  const f = tfFindings(tfResources('iam.tf', {
    'aws_iam_role.open': { assume_role_policy: trust({ AWS: '*' }) }, // 1-2
    'aws_iam_role.svc': { assume_role_policy: trust({ Service: 'ecs-tasks.amazonaws.com' }) }, // 3-4
  }), trustNoWildcardPrincipal);
  assert.deepEqual(f.map((x) => [x.resource.id, x.status, x.location.line]), [['aws_iam_role.open', 'fail', 2], ['aws_iam_role.svc', 'pass', 4]]);
});

test('AT-IAM-014 on Terraform: max_session_duration beyond an hour fails at the argument; unset passes', () => {
  const f = tfFindings(tfResources('iam.tf', {
    'aws_iam_role.long': { assume_role_policy: trust({ Service: 'ec2.amazonaws.com' }), max_session_duration: 43200 }, // 1-3
    'aws_iam_role.short': { assume_role_policy: trust({ Service: 'ec2.amazonaws.com' }) }, // 4-5
  }), roleSessionDuration);
  assert.deepEqual(f.map((x) => [x.resource.id, x.status, x.location.line]), [['aws_iam_role.long', 'fail', 3], ['aws_iam_role.short', 'pass', 4]]);
  assert.equal(f[0]!.evidence[0]!.origin, 'aws_iam_role.long.max_session_duration');
});

test('AT-IAM-012 on Terraform: an access key is Active unless status says Inactive', () => {
  const f = tfFindings(tfResources('iam.tf', {
    'aws_iam_user.u': { name: 'u' }, // 1-2
    'aws_iam_access_key.on': { user: { ref: 'aws_iam_user.u', attr: 'name' } }, // 3-4
    'aws_iam_access_key.off': { user: 'u', status: 'Inactive' }, // 5-7
  }), noAccessKeys);
  assert.deepEqual(f.map((x) => [x.resource.id, x.status, x.location.line]), [['aws_iam_access_key.on', 'fail', 3], ['aws_iam_access_key.off', 'pass', 7]]);
});

test('AT-IAM-013 on Terraform: group memberships written as their own resources make the user a member', () => {
  const input = tfResources('iam.tf', {
    'aws_iam_group.devs': { name: 'devs' }, // 1-2
    'aws_iam_user.a': { name: 'a' }, // 3-4
    'aws_iam_user.b': { name: 'b' }, // 5-6
    'aws_iam_user.c': { name: 'c' }, // 7-8
    'aws_iam_user_group_membership.a': { user: { ref: 'aws_iam_user.a', attr: 'name' }, groups: [{ ref: 'aws_iam_group.devs', attr: 'name' }] }, // 9; user 10; groups 11, item 12
    'aws_iam_group_membership.devs': { name: 'devs', group: 'devs', users: ['b'] }, // 13; name 14; group 15; users 16, item 17
  });
  const f = tfFindings(input, usersInGroups);
  assert.deepEqual(f.map((x) => [x.resource.id, x.status, x.location.line]), [['aws_iam_user.a', 'pass', 11], ['aws_iam_user.b', 'pass', 15], ['aws_iam_user.c', 'fail', 7]]);
});

test('AT-IAM-011 on Terraform: a policy attached to a user, or written inline for it, fails', () => {
  const f = tfFindings(tfResources('iam.tf', {
    'aws_iam_user.a': { name: 'a' }, // 1-2
    'aws_iam_user.b': { name: 'b' }, // 3-4
    'aws_iam_user_policy_attachment.a': { user: 'a', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, // 5-7
    'aws_iam_user_policy.b': { user: { ref: 'aws_iam_user.b', attr: 'name' }, policy: allowAll }, // 8-10
  }), usersHaveNoPolicies);
  assert.deepEqual(f.map((x) => [x.resource.id, x.status, x.location.line]), [
    ['aws_iam_user.a', 'fail', 7],
    // The inline policy is its own resource, but user b does hold it: both fail at `user`.
    ['aws_iam_user.b', 'fail', 9],
    ['aws_iam_user_policy.b', 'fail', 9],
  ]);
});

test('AT-IAM-013 on Terraform: a membership whose user cannot be told makes membership unknown, not a pass', () => {
  const f = tfFindings(tfResources('iam.tf', {
    'aws_iam_user.a': { name: 'a' }, // 1-2
    'aws_iam_user_group_membership.m': { user: { unknown: 'var.user' }, groups: ['devs'] }, // 3; groups 5
  }), usersInGroups);
  assert.deepEqual(f.map((x) => [x.resource.id, x.status]), [['aws_iam_user.a', 'unknown']]);
  assert.match(f[0]!.message, /var\.user/);
});
