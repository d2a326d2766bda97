import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONTROLS } from '../../../src/controls/index.js';
import { evaluate } from '../../../src/engine/scan.js';
import type { Value } from '../../../src/model/types.js';
import { getPath, render } from '../../../src/model/value.js';
import { loadSources, readableFormats } from '../../../src/sources/index.js';
import { readPlan, terraformPlanSource } from '../../../src/sources/terraform/plan.js';
import type { TfResource } from '../../../src/sources/terraform/types.js';

// A plan as `terraform show -json plan.out | jq .` writes it (trimmed to what is read): a
// bucket whose encryption is set by a split resource referring to it, a KMS key whose ARN
// is known only after apply, a counted bucket in a module without encryption (as AWS
// provider v3 plans it: the encryption block is not computed), a database with a
// sensitive password, a data source, and a bucket the plan deletes.
const PLAN = `{
  "format_version": "1.2",
  "terraform_version": "1.7.5",
  "planned_values": {
    "root_module": {
      "resources": [
        {
          "address": "aws_s3_bucket.logs",
          "mode": "managed",
          "type": "aws_s3_bucket",
          "name": "logs",
          "values": {
            "bucket": "acme-logs",
            "force_destroy": false,
            "object_lock_enabled": null,
            "tags": {
              "team": "core"
            }
          },
          "sensitive_values": {
            "tags": {}
          }
        },
        {
          "address": "aws_s3_bucket_server_side_encryption_configuration.logs",
          "mode": "managed",
          "type": "aws_s3_bucket_server_side_encryption_configuration",
          "name": "logs",
          "values": {
            "expected_bucket_owner": null,
            "rule": [
              {
                "apply_server_side_encryption_by_default": [
                  {
                    "sse_algorithm": "aws:kms"
                  }
                ],
                "bucket_key_enabled": null
              }
            ]
          },
          "sensitive_values": {
            "rule": [{"apply_server_side_encryption_by_default": [{}]}]
          }
        },
        {
          "address": "aws_kms_key.k",
          "mode": "managed",
          "type": "aws_kms_key",
          "name": "k",
          "values": {
            "enable_key_rotation": true
          },
          "sensitive_values": {}
        },
        {
          "address": "data.aws_caller_identity.me",
          "mode": "data",
          "type": "aws_caller_identity",
          "name": "me",
          "values": {
            "account_id": "123456789012"
          },
          "sensitive_values": {}
        }
      ],
      "child_modules": [
        {
          "address": "module.store",
          "resources": [
            {
              "address": "module.store.aws_s3_bucket.data[0]",
              "mode": "managed",
              "type": "aws_s3_bucket",
              "name": "data",
              "index": 0,
              "values": {
                "bucket_prefix": "data-"
              },
              "sensitive_values": {}
            },
            {
              "address": "module.store.aws_db_instance.db",
              "mode": "managed",
              "type": "aws_db_instance",
              "name": "db",
              "values": {
                "engine": "postgres",
                "password": "hunter2-not-shown"
              },
              "sensitive_values": {
                "password": true
              }
            },
            {
              "address": "module.store.aws_s3_bucket_versioning.data[0]",
              "mode": "managed",
              "type": "aws_s3_bucket_versioning",
              "name": "data",
              "index": 0,
              "values": {
                "versioning_configuration": [{"status": "Enabled"}]
              },
              "sensitive_values": {}
            }
          ]
        }
      ]
    }
  },
  "resource_changes": [
    {
      "address": "aws_s3_bucket_server_side_encryption_configuration.logs",
      "change": {
        "actions": ["create"],
        "after_unknown": {
          "bucket": true,
          "id": true,
          "rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": true}]}]
        }
      }
    },
    {
      "address": "aws_kms_key.k",
      "change": {"actions": ["create"], "after_unknown": {"arn": true}}
    },
    {
      "address": "module.store.aws_s3_bucket_versioning.data[0]",
      "change": {"actions": ["create"], "after_unknown": {"bucket": true}}
    },
    {
      "address": "module.store.aws_db_instance.db",
      "change": {"actions": ["create"], "after_unknown": {"kms_key_id": true}}
    },
    {
      "address": "aws_s3_bucket.old",
      "change": {"actions": ["delete"], "after_unknown": {}}
    }
  ],
  "configuration": {
    "root_module": {
      "resources": [
        {
          "address": "aws_s3_bucket_server_side_encryption_configuration.logs",
          "expressions": {
            "bucket": {"references": ["aws_s3_bucket.logs.id", "aws_s3_bucket.logs"]},
            "rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": {"references": ["aws_kms_key.k.arn", "aws_kms_key.k"]}}]}]
          }
        }
      ],
      "module_calls": {
        "store": {
          "source": "./store",
          "module": {
            "resources": [
              {
                "address": "aws_s3_bucket_versioning.data",
                "expressions": {"bucket": {"references": ["aws_s3_bucket.data[0].id", "aws_s3_bucket.data[0]", "aws_s3_bucket.data"]}},
                "count_expression": {"constant_value": 1}
              },
              {
                "address": "aws_db_instance.db",
                "expressions": {"kms_key_id": {"references": ["data.aws_kms_key.shared.arn", "data.aws_kms_key.shared"]}},
                "depends_on": ["aws_s3_bucket.data"]
              }
            ]
          }
        }
      }
    }
  }
}
`;

/** 1-based line of the `n`th line containing `needle`. */
function lineOf(text: string, needle: string, n = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes(needle) && ++seen === n) return i + 1;
  throw new Error(`${needle} not found`);
}

const byAddress = (rs: TfResource[]) => new Map(rs.map((r) => [r.address, r]));
const keyLine = (v: Value | undefined, key: string) => (v?.k === 'object' ? v.keyLocs.get(key)?.line : undefined);

test('plan: resource instances of every module, with address, type, module, mode and the line of their entry', () => {
  const r = readPlan(PLAN, 'plan.json');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.resources.map((x) => [x.address, x.type, x.name, x.module, x.mode]), [
    ['aws_s3_bucket.logs', 'aws_s3_bucket', 'logs', '', 'managed'],
    ['aws_s3_bucket_server_side_encryption_configuration.logs', 'aws_s3_bucket_server_side_encryption_configuration', 'logs', '', 'managed'],
    ['aws_kms_key.k', 'aws_kms_key', 'k', '', 'managed'],
    ['data.aws_caller_identity.me', 'aws_caller_identity', 'me', '', 'data'],
    ['module.store.aws_s3_bucket.data[0]', 'aws_s3_bucket', 'data', 'module.store', 'managed'],
    ['module.store.aws_db_instance.db', 'aws_db_instance', 'db', 'module.store', 'managed'],
    ['module.store.aws_s3_bucket_versioning.data[0]', 'aws_s3_bucket_versioning', 'data', 'module.store', 'managed'],
  ]);
  const m = byAddress(r.resources);
  const data = m.get('module.store.aws_s3_bucket.data[0]')!;
  assert.deepEqual({ ...data.loc }, { file: 'plan.json', line: lineOf(PLAN, '"address": "module.store.aws_s3_bucket.data[0]"'), column: 15 });
  assert.equal(m.has('aws_s3_bucket.old'), false, 'a resource the plan deletes is not assessed');
});

test('plan: values keep their lines; arguments written as null are not set; blocks stay lists and maps objects', () => {
  const m = byAddress(readPlan(PLAN, 'plan.json').resources);
  const logs = m.get('aws_s3_bucket.logs')!;
  assert.equal(render(logs.values), '{bucket: "acme-logs", force_destroy: false, tags: {team: "core"}}');
  assert.equal(keyLine(logs.values, 'bucket'), lineOf(PLAN, '"bucket": "acme-logs"'));
  const sse = m.get('aws_s3_bucket_server_side_encryption_configuration.logs')!;
  const alg = getPath((getPath((getPath(sse.values, 'rule') as Extract<Value, { k: 'list' }>).items[0], 'apply_server_side_encryption_by_default') as Extract<Value, { k: 'list' }>).items[0], 'sse_algorithm');
  assert.deepEqual(alg && alg.k === 'scalar' && [alg.v, alg.loc.line, alg.loc.column], ['aws:kms', lineOf(PLAN, '"sse_algorithm": "aws:kms"'), 38]);
});

test('plan: what is known only after apply is a reference when the configuration names one planned instance, else unknown naming what it waits for', () => {
  const m = byAddress(readPlan(PLAN, 'plan.json').resources);
  const sse = m.get('aws_s3_bucket_server_side_encryption_configuration.logs')!;
  const bucket = getPath(sse.values, 'bucket');
  assert.deepEqual(bucket && bucket.k === 'ref' && [bucket.resource, bucket.attr, bucket.loc.line], ['aws_s3_bucket.logs', 'id', lineOf(PLAN, '"bucket": {"references": ["aws_s3_bucket.logs.id"')]);
  assert.equal(keyLine(sse.values, 'bucket'), lineOf(PLAN, '"bucket": true'), 'the key points at the plan saying it is unknown');
  assert.deepEqual(getPath(sse.values, 'id'), { k: 'unknown', reason: 'known only after apply', params: ['aws_s3_bucket_server_side_encryption_configuration.logs.id'], loc: { file: 'plan.json', line: lineOf(PLAN, '"id": true'), column: 11 } });
  assert.equal(render(sse.values), '{rule: [{apply_server_side_encryption_by_default: […]}], bucket: aws_s3_bucket.logs.id, id: <known only after apply>}');
  const rule = getPath(sse.values, 'rule');
  const byDefault = getPath(rule?.k === 'list' ? rule.items[0] : undefined, 'apply_server_side_encryption_by_default');
  assert.equal(render(byDefault), '[{sse_algorithm: "aws:kms", kms_master_key_id: aws_kms_key.k.arn}]');
  assert.deepEqual([...sse.refs].sort(), ['aws_kms_key.k', 'aws_s3_bucket.logs']);
  // `aws_s3_bucket.data[0].id` inside module.store names module.store.aws_s3_bucket.data[0].
  const ver = m.get('module.store.aws_s3_bucket_versioning.data[0]')!;
  const vb = getPath(ver.values, 'bucket');
  assert.deepEqual(vb && vb.k === 'ref' && [vb.resource, vb.attr], ['module.store.aws_s3_bucket.data[0]', 'id']);
  // A data source's attribute is not a resource reference: unknown, naming it.
  const db = m.get('module.store.aws_db_instance.db')!;
  const kms = getPath(db.values, 'kms_key_id');
  assert.deepEqual(kms && kms.k === 'unknown' && kms.params, ['module.store.aws_db_instance.db.kms_key_id', 'data.aws_kms_key.shared']);
  assert.deepEqual([...db.refs], ['module.store.aws_s3_bucket.data[0]'], 'depends_on on a counted resource names its instances');
});

test('plan: sensitive values are marked and never rendered', () => {
  const db = byAddress(readPlan(PLAN, 'plan.json').resources).get('module.store.aws_db_instance.db')!;
  const pw = getPath(db.values, 'password');
  assert.equal(pw?.k === 'scalar' && pw.sensitive, true);
  assert.doesNotMatch(render(db.values), /hunter2/);
  const engine = getPath(db.values, 'engine');
  assert.equal(engine?.k === 'scalar' && engine.sensitive, undefined);
});

test('plan: a state written by terraform show -json (values.root_module) is read the same way, every value known', () => {
  const state = `{"format_version":"1.0","terraform_version":"1.7.5","values":{"root_module":{"resources":[
{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{"bucket":"b","server_side_encryption_configuration":[]},"sensitive_values":{"server_side_encryption_configuration":[]}}]}}}`;
  assert.ok(terraformPlanSource.sniff(state, 'state.json'));
  const r = readPlan(state, 'state.json');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.resources.map((x) => [x.address, x.loc.line, render(x.values)]), [['aws_s3_bucket.b', 2, '{bucket: "b", server_side_encryption_configuration: []}']]);
});

test('plan: sniffing takes plans and states, not CloudFormation JSON nor other JSON', () => {
  assert.ok(terraformPlanSource.sniff(PLAN, 'plan.json'));
  const cfn = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Metadata: { format_version: '1', terraform_version: 'x', values: 1 }, Resources: { B: { Type: 'AWS::S3::Bucket' } } }, null, 2);
  assert.equal(terraformPlanSource.sniff(cfn, 't.json'), false);
  assert.equal(terraformPlanSource.sniff('{"format_version":"1.2","terraform_version":"1.7.5","variables":{}}', 'x.json'), false);
  assert.equal(terraformPlanSource.sniff('# {"format_version" "terraform_version" "values"}', 'x.yaml'), false);
});

test('plan: invalid JSON and a plan without planned_values are input errors with their place', () => {
  assert.deepEqual(readPlan('{"format_version":"1.2","terraform_version":"1.7.5","values":', 'p.json').errors.map((e) => [e.line, e.message]), [[1, 'invalid JSON: unexpected end of file; is the document truncated?']]);
  const r = readPlan('{"format_version":"1.2","terraform_version":"1.7.5","resource_changes":[]}', 'p.json');
  assert.deepEqual(r.errors.map((e) => e.message), ['Terraform plan without planned_values: write it with `terraform show -json plan.out`']);
});

test('plan end to end: a bucket without encryption settings fails S3 default encryption at its plan entry; the encrypted one passes at its algorithm', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-plan-'));
  const path = join(dir, 'plan.json');
  writeFileSync(path, PLAN);
  const loaded = loadSources([path], {});
  // As declared: two buckets, their split encryption and versioning resources (merged into
  // them), the key and the database; the data source is not counted.
  assert.deepEqual(loaded.sources.map((s) => [s.format, s.resources, s.errors.length]), [['terraform-plan', 6, 0]]);
  assert.match(readableFormats(), /Terraform plans and state \(terraform show -json\)/);
  const { findings, unevaluated } = evaluate(loaded.templates, loaded.sources, { controls: CONTROLS, today: '2026-01-01' });
  const s3 = findings.filter((f) => f.controlId === 'AT-S3-001');
  const data = s3.find((f) => f.resource.id === 'module.store.aws_s3_bucket.data[0]')!;
  assert.equal(data.status, 'fail');
  assert.equal(data.resource.sourceType, 'aws_s3_bucket');
  assert.deepEqual([data.location.file.endsWith('plan.json'), data.location.line], [true, lineOf(PLAN, '"address": "module.store.aws_s3_bucket.data[0]"')]);
  const logs = s3.find((f) => f.resource.id === 'aws_s3_bucket.logs')!;
  assert.equal(logs.status, 'pass');
  assert.equal(logs.location.line, lineOf(PLAN, '"rule": ['), 'located at the rule block of the split resource that sets it');
  // The database is translated too: its storage encryption is not in the plan, so it fails at its entry.
  const rds = findings.find((f) => f.controlId === 'AT-RDS-001' && f.resource.id === 'module.store.aws_db_instance.db')!;
  assert.equal(rds.status, 'fail');
  assert.equal(rds.location.line, lineOf(PLAN, '"address": "module.store.aws_db_instance.db"'));
  assert.deepEqual(unevaluated.filter((u) => u.reason === 'not-translated'), [], 'every planned type here has a translation (untranslated ones are counted: translate.test.ts)');
});

test('plan: a new bucket whose encryption block the provider computes (AWS provider v4+) holds it as unknown, at the plan line saying so', () => {
  const plan = JSON.stringify({
    format_version: '1.2', terraform_version: '1.7.5',
    planned_values: { root_module: { resources: [{ address: 'aws_s3_bucket.new', mode: 'managed', type: 'aws_s3_bucket', name: 'new', values: { bucket: 'new' }, sensitive_values: {} }] } },
    resource_changes: [{ address: 'aws_s3_bucket.new', change: { actions: ['create'], after_unknown: { server_side_encryption_configuration: true } } }],
  }, null, 2);
  const b = readPlan(plan, 'plan.json').resources[0]!;
  const sse = getPath(b.values, 'server_side_encryption_configuration');
  assert.deepEqual(sse?.k === 'unknown' && [sse.params, sse.loc.line], [['aws_s3_bucket.new.server_side_encryption_configuration'], lineOf(plan, '"server_side_encryption_configuration": true')]);
});
