import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import taggedResources from '../../../src/controls/resource-governance/taggedResources.js';
import type { Value } from '../../../src/model/types.js';
import { render } from '../../../src/model/value.js';
import { loadTerraformModule } from '../../../src/sources/terraform/module.js';
import { scanTerraform } from '../../helpers/cases.js';

function load(main: string, files: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'attest-tf-providers-'));
  writeFileSync(join(dir, 'main.tf'), main);
  for (const [f, t] of Object.entries(files)) { mkdirSync(join(dir, f, '..'), { recursive: true }); writeFileSync(join(dir, f), t); }
  const m = loadTerraformModule(dir, [join(dir, 'main.tf')]);
  const r = (address: string) => m.resources.find((x) => x.address === address)!;
  const get = (address: string, key: string): Value | undefined => r(address).values.props.get(key);
  return { m, get };
}

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not found`);
  return i + 1;
}

const keys = (v: Value | undefined) => (v?.k === 'object' ? Object.fromEntries([...v.props].map(([k, x]) => [k, render(x)])) : v?.k);

const TAGGED = `provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      owner       = "platform"
      environment = "prod"
    }
  }
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

resource "aws_sqs_queue" "only_defaults" {
  name = "a"
}

resource "aws_sqs_queue" "own" {
  name = "b"
  tags = {
    environment = "dev"
    app         = "orders"
  }
}

resource "aws_sqs_queue" "other_provider" {
  provider = aws.west
  name     = "c"
}

module "child" {
  source = "./child"
}

module "child_west" {
  source    = "./child"
  providers = { aws = aws.west }
}
`;

const CHILD = `resource "aws_sqs_queue" "q" {
  name = "child"
}

data "aws_region" "here" {}
`;

test('provider default_tags: merged under the resource\'s own tags as tags_all, each tag located where written', () => {
  const { m, get } = load(TAGGED, { 'child/main.tf': CHILD });
  assert.deepEqual(m.errors, []);
  assert.deepEqual(keys(get('aws_sqs_queue.only_defaults', 'tags_all')), { owner: '"platform"', environment: '"prod"' });
  // The resource's own tags win.
  assert.deepEqual(keys(get('aws_sqs_queue.own', 'tags_all')), { owner: '"platform"', environment: '"dev"', app: '"orders"' });
  const all = get('aws_sqs_queue.own', 'tags_all');
  assert.ok(all?.k === 'object');
  assert.equal(all.keyLocs.get('owner')?.line, lineOf(TAGGED, 'owner       = "platform"'));
  assert.equal(all.keyLocs.get('environment')?.line, lineOf(TAGGED, 'environment = "dev"'));
  // A resource on a provider configuration without default_tags gets none.
  assert.equal(get('aws_sqs_queue.other_provider', 'tags_all'), undefined);
  // A child module inherits the default configuration, unless its call passes another.
  assert.deepEqual(keys(get('module.child.aws_sqs_queue.q', 'tags_all')), { owner: '"platform"', environment: '"prod"' });
  assert.equal(get('module.child_west.aws_sqs_queue.q', 'tags_all'), undefined);
});

test('AT-TAG-001 reads default_tags: a resource tagged only by its provider passes at the default_tags block', () => {
  const f = scanTerraform(TAGGED.replace(/module "child[\s\S]*$/, ''), [taggedResources]);
  const at = (id: string) => f.find((x) => x.resource.id === id)!;
  assert.deepEqual([at('aws_sqs_queue.only_defaults').status, at('aws_sqs_queue.only_defaults').location.line], ['pass', lineOf(TAGGED, 'default_tags {')]);
  assert.deepEqual([at('aws_sqs_queue.own').status, at('aws_sqs_queue.own').location.line], ['pass', TAGGED.split('\n').indexOf('  tags = {') + 1]);
  assert.equal(at('aws_sqs_queue.other_provider').status, 'fail');
});

test('default_tags not known: tags_all is unknown, not missing', () => {
  const f = scanTerraform(`variable "tags" {
  type = map(string)
}

provider "aws" {
  default_tags {
    tags = var.tags
  }
}

resource "aws_sqs_queue" "q" {
  name = "q"
}
`, [taggedResources]);
  assert.equal(f[0]!.status, 'unknown');
});

test('provider = aws.alias: aws_region of another configuration reads its literal region; the unit\'s own stays ${AWS::Region}', () => {
  const { m, get } = load(`provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

variable "r" {}

provider "aws" {
  alias  = "somewhere"
  region = var.r
}

data "aws_region" "here" {}

data "aws_region" "west" {
  provider = aws.west
}

data "aws_region" "somewhere" {
  provider = aws.somewhere
}

data "aws_caller_identity" "west" {
  provider = aws.west
}

resource "aws_sqs_queue" "q" {
  name = "q"
  tags = {
    here      = data.aws_region.here.name
    west      = data.aws_region.west.name
    somewhere = data.aws_region.somewhere.name
    account   = data.aws_caller_identity.west.account_id
  }
}

module "child_west" {
  source    = "./child"
  providers = { aws = aws.west }
}
`, { 'child/main.tf': CHILD + 'resource "aws_sns_topic" "t" {\n  name = data.aws_region.here.name\n}\n' });
  assert.deepEqual(m.errors, []);
  const tags = get('aws_sqs_queue.q', 'tags');
  assert.ok(tags?.k === 'object');
  assert.deepEqual(render(tags.props.get('here')), '"${AWS::Region}"');
  assert.deepEqual(render(tags.props.get('west')), '"us-west-2"');
  assert.equal(tags.props.get('somewhere')?.k, 'unknown');
  assert.equal(tags.props.get('account')?.k, 'unknown', 'another configuration may be another account');
  assert.equal(render(get('module.child_west.aws_sns_topic.t', 'name')), '"us-west-2"');
});
