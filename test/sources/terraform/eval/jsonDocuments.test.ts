import assert from 'node:assert/strict';
import { test } from 'node:test';
import ecsNoPrivileged from '../../../../src/controls/authorization/ecsNoPrivileged.js';
import noAdminStatements from '../../../../src/controls/iam/noAdminStatements.js';
import trustNoWildcardPrincipal from '../../../../src/controls/iam/trustNoWildcardPrincipal.js';
import type { Value } from '../../../../src/model/types.js';
import { getPath } from '../../../../src/model/value.js';
import { markSensitive } from '../../../../src/sources/terraform/located.js';
import { terraformTextUnit } from '../../../../src/sources/terraform/source.js';
import { scanTerraform } from '../../../helpers/cases.js';

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not found`);
  return i + 1;
}

const POLICY = `variable "bucket_arn" {
  type = string
}

resource "aws_iam_policy" "read" {
  name = "read"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Read"
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = "\${var.bucket_arn}/*"
      },
      {
        Sid      = "Everything"
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      }
    ]
  })
}
`;

test('jsonencode with a part not known: the document is kept, only that part unknown', () => {
  const { template } = terraformTextUnit(POLICY);
  const doc = getPath(template.resources.get('aws_iam_policy.read')!.properties, 'PolicyDocument');
  assert.equal(doc?.k, 'object', 'a document, not one unknown string');
  const st = doc?.k === 'object' && doc.props.get('Statement');
  assert.ok(st && st.k === 'list');
  const read = st.items[0]!;
  assert.equal(getPath(read, 'Effect')?.k, 'scalar');
  const res = getPath(read, 'Resource');
  assert.deepEqual(res?.k === 'unknown' && res.params, ['var.bucket_arn']);
  // Each part where it is written.
  assert.equal(read.loc.line, lineOf(POLICY, 'Sid      = "Read"') - 1);
  assert.equal(getPath(st.items[1], 'Action')?.loc.line, lineOf(POLICY, 'Action   = "*"'));
});

test('a finding on a jsonencode policy is located at the deciding statement, and decided despite an unknown elsewhere', () => {
  const f = scanTerraform(POLICY, [noAdminStatements]);
  assert.equal(f[0]!.status, 'fail');
  assert.equal(f[0]!.location.line, lineOf(POLICY, 'Sid      = "Everything"') - 1);
  // Without the admin statement, the unknown Resource of the read statement does not matter to it.
  const only = POLICY.replace(/,\n      \{\n        Sid      = "Everything"[\s\S]*?\n      \}/, '');
  assert.equal(scanTerraform(only, [noAdminStatements])[0]!.status, 'pass');
});

test('what is computed from a jsonencode text with an unknown part is wholly unknown', () => {
  const { template } = terraformTextUnit(`variable "x" {
  type = string
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = "\${jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = var.x }] })} "
}

resource "aws_iam_policy" "q" {
  name   = "q"
  policy = lower(jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = var.x }] }))
}
`);
  for (const id of ['aws_iam_policy.p', 'aws_iam_policy.q']) {
    assert.equal(getPath(template.resources.get(id)!.properties, 'PolicyDocument')?.k, 'unknown', id);
  }
});

const HEREDOC = `resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": { "Service": "ec2.amazonaws.com" },
          "Action": "sts:AssumeRole"
        },
        {
          "Sid": "Anyone",
          "Effect": "Allow",
          "Principal": { "AWS": "*" },
          "Action": "sts:AssumeRole"
        }
      ]
    }
  EOF
}
`;

test('a JSON heredoc: findings point at the statement\'s line inside it', () => {
  const f = scanTerraform(HEREDOC, [trustNoWildcardPrincipal]);
  assert.equal(f[0]!.status, 'fail');
  assert.equal(f[0]!.location.line, lineOf(HEREDOC, '"Sid": "Anyone"') - 1);
  const { template } = terraformTextUnit(HEREDOC);
  const doc = getPath(template.resources.get('aws_iam_role.r')!.properties, 'AssumeRolePolicyDocument') as Value;
  const sid = getPath((doc.k === 'object' && (doc.props.get('Statement') as Extract<Value, { k: 'list' }>).items[1]) || undefined, 'Sid');
  assert.deepEqual(sid && [sid.loc.line, sid.loc.column], [lineOf(HEREDOC, '"Sid": "Anyone"'), HEREDOC.split('\n')[lineOf(HEREDOC, '"Sid": "Anyone"') - 1]!.indexOf('"Anyone"') + 1]);
});

test('a heredoc of ECS containers: the privileged container\'s flag is the finding\'s line', () => {
  const tf = `resource "aws_ecs_task_definition" "legacy" {
  family = "legacy"
  container_definitions = <<EOF
[
  { "name": "app", "image": "app:1" },
  { "name": "agent", "image": "agent:1", "privileged": true }
]
EOF
}
`;
  const f = scanTerraform(tf, [ecsNoPrivileged]);
  assert.deepEqual([f[0]!.status, f[0]!.location.line], ['fail', lineOf(tf, '"privileged": true')]);
});

test('sensitivity survives the structure: a sensitive part stays hidden, a sensitive variable holding a document hides all of it', () => {
  const { template } = terraformTextUnit(`variable "token" {
  type      = string
  sensitive = true
  default   = "not-shown-1"
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*", Sid = var.token }] })
}
`);
  const st = (id: string) => {
    const d = getPath(template.resources.get(id)!.properties, 'PolicyDocument');
    const l = d?.k === 'object' ? d.props.get('Statement') : undefined;
    return l?.k === 'list' ? l.items[0] : undefined;
  };
  const sens = (v: Value | undefined) => v?.k === 'scalar' && !!v.sensitive;
  assert.deepEqual([sens(getPath(st('aws_iam_policy.p'), 'Sid')), sens(getPath(st('aws_iam_policy.p'), 'Action'))], [true, false]);
  // A text made sensitive as a whole (a sensitive variable holding it) hides every part of its structure.
  const p = template.resources.get('aws_iam_policy.p')!;
  const text = markSensitive({ k: 'scalar', v: '{"A":"b"}', loc: p.loc, json: { k: 'object', props: new Map([['A', { k: 'scalar', v: 'b', loc: p.loc }]]), keyLocs: new Map(), loc: p.loc } });
  assert.ok(text.k === 'scalar' && sens(getPath(text.json, 'A')));
});

test('aws_iam_policy_document with an element not known: the document keeps its statements, that element unknown; an unknown that shapes it leaves it unknown', () => {
  const main = `variable "bucket_arn" {
  type = string
}

variable "ptype" {
  type = string
}

data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:GetObject"]
    resources = [var.bucket_arn]
  }
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "shaped" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = var.ptype
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.d.json
}

resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = data.aws_iam_policy_document.shaped.json
}
`;
  const f = scanTerraform(main, [noAdminStatements]);
  const p = f.find((x) => x.resource.id === 'aws_iam_policy.p')!;
  assert.deepEqual([p.status, p.location.line], ['fail', lineOf(main, 'actions   = ["*"]') - 1]);
  const { template } = terraformTextUnit(main);
  const policy = getPath(template.resources.get('aws_iam_policy.p')!.properties, 'PolicyDocument');
  const st = policy?.k === 'object' ? policy.props.get('Statement') : undefined;
  const res = st?.k === 'list' ? getPath(st.items[0], 'Resource') : undefined;
  assert.deepEqual(res?.k === 'unknown' && [res.params, res.loc.line], [['var.bucket_arn'], lineOf(main, 'resources = [var.bucket_arn]')]);
  assert.equal(getPath(template.resources.get('aws_iam_role.r')!.properties, 'AssumeRolePolicyDocument')?.k, 'unknown');
});
