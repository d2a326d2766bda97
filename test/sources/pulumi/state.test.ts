import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONTROLS } from '../../../src/controls/index.js';
import { evaluate } from '../../../src/engine/scan.js';
import type { Resource, Template } from '../../../src/model/types.js';
import { getPath, render } from '../../../src/model/value.js';
import { loadSources, readableFormats } from '../../../src/sources/index.js';
import { pulumiPreviewSource, pulumiStateSource } from '../../../src/sources/pulumi/state.js';
import { pulumiYamlSource } from '../../../src/sources/pulumi/yaml.js';
import { terraformPlanSource } from '../../../src/sources/terraform/plan.js';

const URN = 'urn:pulumi:dev::shop';
const SIG = '4dabf18193072939515e22adb298388d';

// `pulumi stack export` (trimmed): the stack and the provider (bookkeeping), a component, a
// bucket without encryption, a bucket encrypted by the split resource, a database whose
// password is an encrypted secret, a native bucket, and another provider's resource.
const EXPORT = `{
  "version": 3,
  "deployment": {
    "manifest": {"time": "2026-01-01T00:00:00Z", "magic": "x", "version": "v3.150.0"},
    "secrets_providers": {"type": "passphrase", "state": {"salt": "v1:abc"}},
    "resources": [
      {
        "urn": "${URN}::pulumi:pulumi:Stack::shop-dev",
        "custom": false,
        "type": "pulumi:pulumi:Stack"
      },
      {
        "urn": "${URN}::pulumi:providers:aws::default_6_66_0",
        "custom": true,
        "id": "p1",
        "type": "pulumi:providers:aws",
        "inputs": {"region": "eu-west-1"}
      },
      {
        "urn": "${URN}::shop:index:Site::site",
        "custom": false,
        "type": "shop:index:Site"
      },
      {
        "urn": "${URN}::shop:index:Site$aws:s3/bucketV2:BucketV2::raw",
        "custom": true,
        "id": "raw-5e1a",
        "type": "aws:s3/bucketV2:BucketV2",
        "inputs": {"bucket": "raw-5e1a"},
        "outputs": {
          "arn": "arn:aws:s3:::raw-5e1a",
          "bucket": "raw-5e1a",
          "serverSideEncryptionConfigurations": [],
          "tags": {"team": "data"},
          "__meta": "{}"
        },
        "parent": "${URN}::shop:index:Site::site"
      },
      {
        "urn": "${URN}::aws:s3/bucketV2:BucketV2::logs",
        "custom": true,
        "id": "logs-77aa",
        "type": "aws:s3/bucketV2:BucketV2",
        "outputs": {"bucket": "logs-77aa", "serverSideEncryptionConfigurations": []}
      },
      {
        "urn": "${URN}::aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2::logs",
        "custom": true,
        "id": "logs-77aa",
        "type": "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
        "outputs": {
          "bucket": "logs-77aa",
          "rules": [
            {
              "applyServerSideEncryptionByDefault": {
                "sseAlgorithm": "aws:kms"
              }
            }
          ]
        },
        "dependencies": ["${URN}::aws:s3/bucketV2:BucketV2::logs"],
        "propertyDependencies": {"bucket": ["${URN}::aws:s3/bucketV2:BucketV2::logs"]}
      },
      {
        "urn": "${URN}::aws:rds/instance:Instance::db",
        "custom": true,
        "id": "db-1",
        "type": "aws:rds/instance:Instance",
        "outputs": {
          "engine": "postgres",
          "password": {"${SIG}": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "v1:Zm9vYmFy"},
          "username": {"${SIG}": "1b47061264138c4ac30d75fd1eb44270", "plaintext": "\\"admin-not-shown\\""}
        }
      },
      {
        "urn": "${URN}::aws-native:s3:Bucket::native",
        "custom": true,
        "id": "native-1",
        "type": "aws-native:s3:Bucket",
        "outputs": {
          "bucketName": "native-1",
          "bucketEncryption": {"serverSideEncryptionConfiguration": [{"serverSideEncryptionByDefault": {"sseAlgorithm": "AES256"}}]}
        }
      },
      {
        "urn": "${URN}::random:index/randomPet:RandomPet::pet",
        "custom": true,
        "id": "fond-cat",
        "type": "random:index/randomPet:RandomPet",
        "outputs": {"length": 2}
      },
      {
        "urn": "${URN}::aws:s3/bucketV2:BucketV2::old",
        "custom": true,
        "delete": true,
        "id": "old-1",
        "type": "aws:s3/bucketV2:BucketV2",
        "outputs": {"bucket": "old-1"}
      }
    ]
  }
}
`;

function lineOf(text: string, needle: string, n = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes(needle) && ++seen === n) return i + 1;
  throw new Error(`${needle} not found`);
}

const resourcesOf = (t: Template) => new Map<string, Resource>([...t.resources]);

test('stack export: custom resources only, AWS Classic translated, AWS Native as written, others counted; each at its urn line', () => {
  const r = pulumiStateSource.load(EXPORT, 'stack.json', {});
  // As declared: three buckets, the split encryption settings (merged into their bucket), the
  // database and the random pet.
  assert.deepEqual(r.sources.map((s) => [s.format, s.resources, s.errors]), [['pulumi-state', 6, []]]);
  const t = r.templates[0]!;
  const rs = resourcesOf(t);
  assert.deepEqual([...rs.values()].map((x) => [x.id, x.type, x.sourceType, x.loc.line]), [
    ['raw', 'AWS::S3::Bucket', 'aws_s3_bucket', lineOf(EXPORT, `"urn": "${URN}::shop:index:Site$aws:s3/bucketV2:BucketV2::raw"`)],
    ['logs', 'AWS::S3::Bucket', 'aws_s3_bucket', lineOf(EXPORT, `"urn": "${URN}::aws:s3/bucketV2:BucketV2::logs"`)],
    ['db', 'AWS::RDS::DBInstance', 'aws_db_instance', lineOf(EXPORT, `"urn": "${URN}::aws:rds/instance:Instance::db"`)],
    ['native', 'AWS::S3::Bucket', 'aws-native:s3:Bucket', lineOf(EXPORT, '::aws-native:s3:Bucket::native')],
  ]);
  assert.equal(rs.get('raw')!.loc.path, `${URN}::shop:index:Site$aws:s3/bucketV2:BucketV2::raw`);
  assert.deepEqual(t.untranslated!.map((u) => [u.id, u.type]).sort(), [['pet', 'random:index/randomPet:RandomPet']]);
  assert.equal(rs.has('old'), false, 'a resource pending deletion is not assessed');
  assert.equal(render(getPath(rs.get('raw')!.properties, 'Tags')), '[{Key: "team", Value: "data"}]');
});

test('stack export: the split encryption resource merges into its bucket (matched by name), located at its rule with the Pulumi property path', () => {
  const t = pulumiStateSource.load(EXPORT, 'stack.json', {}).templates[0]!;
  assert.deepEqual(t.errors, []);
  const logs = resourcesOf(t).get('logs')!;
  const rules = getPath(logs.properties, 'BucketEncryption.ServerSideEncryptionConfiguration');
  assert.equal(render(rules), '[{ServerSideEncryptionByDefault: {SSEAlgorithm: "aws:kms"}}]');
  const item = rules?.k === 'list' ? rules.items[0] : undefined;
  const byDefault = getPath(item, 'ServerSideEncryptionByDefault');
  assert.deepEqual(byDefault?.k === 'object' && byDefault.keyLocs.get('SSEAlgorithm'), {
    file: 'stack.json', line: lineOf(EXPORT, '"sseAlgorithm": "aws:kms"'), column: 17,
    path: `${URN}::aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2::logs.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm`,
  });
});

test('stack export: an encrypted secret is unknown, a decrypted one sensitive; neither is ever shown', () => {
  // Read as AWS Native, the database's values are kept as written, so the secret handling shows.
  const r = loadExport(EXPORT.replace('"aws:rds/instance:Instance"', '"aws-native:rds:DbInstance"').replace('aws:rds/instance:Instance::db', 'aws-native:rds:DbInstance::db'));
  const db = resourcesOf(r).get('db')!;
  assert.equal(db.type, 'AWS::RDS::DBInstance');
  const pw = getPath(db.properties, 'Password');
  assert.deepEqual(pw?.k === 'unknown' && [pw.reason, pw.params], ['a secret, encrypted in the stack export', [`${URN}::aws-native:rds:DbInstance::db.password`]]);
  const user = getPath(db.properties, 'Username');
  assert.deepEqual(user?.k === 'scalar' && [user.v, user.sensitive], ['admin-not-shown', true]);
  assert.doesNotMatch(render(db.properties), /admin-not-shown|Zm9vYmFy/);
});

function loadExport(text: string): Template {
  return pulumiStateSource.load(text, 'stack.json', {}).templates[0]!;
}

const PREVIEW = `{
  "steps": [
    {
      "op": "create",
      "urn": "${URN}::aws:s3/bucketV2:BucketV2::assets",
      "newState": {
        "urn": "${URN}::aws:s3/bucketV2:BucketV2::assets",
        "custom": true,
        "type": "aws:s3/bucketV2:BucketV2",
        "inputs": {"forceDestroy": false}
      }
    },
    {
      "op": "create",
      "urn": "${URN}::aws:s3/bucketVersioningV2:BucketVersioningV2::assets",
      "newState": {
        "urn": "${URN}::aws:s3/bucketVersioningV2:BucketVersioningV2::assets",
        "custom": true,
        "type": "aws:s3/bucketVersioningV2:BucketVersioningV2",
        "inputs": {
          "bucket": "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
          "versioningConfiguration": {"status": "Enabled"}
        },
        "propertyDependencies": {"bucket": ["${URN}::aws:s3/bucketV2:BucketV2::assets"]}
      }
    },
    {
      "op": "create",
      "urn": "${URN}::aws-native:rds:DbInstance::db",
      "newState": {
        "urn": "${URN}::aws-native:rds:DbInstance::db",
        "custom": true,
        "type": "aws-native:rds:DbInstance",
        "inputs": {"masterUserPassword": "[secret]"}
      }
    },
    {
      "op": "delete",
      "urn": "${URN}::aws:s3/bucketV2:BucketV2::gone",
      "oldState": {"urn": "${URN}::aws:s3/bucketV2:BucketV2::gone", "type": "aws:s3/bucketV2:BucketV2", "custom": true}
    }
  ],
  "changeSummary": {"create": 3, "delete": 1}
}
`;

test('preview: what the program declares, a value computed from one other resource a reference to it, deleted resources left out', () => {
  const r = pulumiPreviewSource.load(PREVIEW, 'preview.json', {});
  assert.deepEqual(r.sources.map((s) => [s.format, s.resources, s.errors]), [['pulumi-preview', 3, []]]);
  const t = r.templates[0]!;
  // Both are named `assets`: the bucket, listed first, keeps the name; the versioning merges into it.
  assert.deepEqual([...t.resources.keys()], ['assets', 'db']);
  // A preview writes a secret as `[secret]`: not a literal password.
  const pw = getPath(t.resources.get('db')!.properties, 'MasterUserPassword');
  assert.deepEqual(pw?.k === 'unknown' && pw.reason, 'a secret');
  const b = t.resources.get('assets')!;
  assert.equal(render(getPath(b.properties, 'VersioningConfiguration.Status')), '"Enabled"');
  const vs = getPath(b.properties, 'VersioningConfiguration');
  assert.equal(vs?.k === 'object' && vs.keyLocs.get('Status')?.path,
    `${URN}::aws:s3/bucketVersioningV2:BucketVersioningV2::assets.versioningConfiguration.status`);
  assert.equal(vs?.k === 'object' && vs.keyLocs.get('Status')?.line, lineOf(PREVIEW, '"versioningConfiguration": {"status": "Enabled"}'));
});

test('sniffing: each Pulumi document by its shape; plans, CloudFormation and Pulumi documents are not taken for one another', () => {
  const cfn = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Metadata: { deployment: { resources: [] }, steps: [] }, Resources: { B: { Type: 'AWS::S3::Bucket' } } }, null, 2);
  const plan = '{"format_version":"1.2","terraform_version":"1.7.5","planned_values":{"root_module":{}}}';
  const yaml = 'name: shop\nruntime: yaml\nresources: {}\n';
  const sources = [terraformPlanSource, pulumiStateSource, pulumiPreviewSource, pulumiYamlSource];
  const who = (text: string) => sources.filter((s) => s.sniff(text, 'f')).map((s) => s.id);
  assert.deepEqual(who(EXPORT), ['pulumi-state']);
  assert.deepEqual(who(PREVIEW), ['pulumi-preview']);
  assert.deepEqual(who(plan), ['terraform-plan']);
  assert.deepEqual(who(yaml), ['pulumi-yaml']);
  assert.deepEqual(who(cfn), []);
  assert.deepEqual(who('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n'), []);
  // A backend's checkpoint file holds the same deployment.
  assert.deepEqual(who(`{"version":3,"checkpoint":{"stack":"dev","latest":{"resources":[]}}}`), ['pulumi-state']);
});

test('stack export end to end: the bucket without encryption fails S3 default encryption at its urn; the one with the split resource passes at the rule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-pulumi-'));
  const path = join(dir, 'stack.json');
  writeFileSync(path, EXPORT);
  const loaded = loadSources([dir], {});
  assert.deepEqual(loaded.sources.map((s) => [s.format, s.errors.length]), [['pulumi-state', 0]]);
  assert.match(readableFormats(), /Pulumi stack exports \(pulumi stack export\), Pulumi previews \(pulumi preview --json\) and Pulumi YAML programs \(Pulumi\.yaml\)$/);
  const { findings } = evaluate(loaded.templates, loaded.sources, { controls: CONTROLS, today: '2026-01-01' });
  const s3 = (id: string) => findings.find((f) => f.controlId === 'AT-S3-001' && f.resource.id === id)!;
  assert.equal(s3('raw').status, 'fail');
  assert.equal(s3('raw').location.line, lineOf(EXPORT, '::shop:index:Site$aws:s3/bucketV2:BucketV2::raw"'), 'at the resource, which declares none');
  assert.equal(s3('logs').status, 'pass');
  assert.equal(s3('logs').location.line, lineOf(EXPORT, '"rules": ['));
  assert.equal(s3('native').status, 'pass');
  assert.equal(s3('native').location.line, lineOf(EXPORT, '"bucketEncryption"'));
});
