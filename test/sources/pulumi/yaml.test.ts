import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONTROLS } from '../../../src/controls/index.js';
import { evaluate } from '../../../src/engine/scan.js';
import { getPath, render } from '../../../src/model/value.js';
import { loadSources } from '../../../src/sources/index.js';
import { classify } from '../../../src/sources/pulumi/tokens.js';
import { pulumiYamlSource } from '../../../src/sources/pulumi/yaml.js';

const PROGRAM = `name: shop
runtime: yaml
config:
  dbPassword:
    type: string
    secret: true
  prefix:
    type: string
    default: shop
variables:
  region: eu-west-1
  ami:
    fn::invoke:
      function: aws:ec2:getAmi
      arguments:
        mostRecent: true
resources:
  key:
    type: aws:kms:Key
    properties:
      enableKeyRotation: true
  logs:
    type: aws:s3:BucketV2
    properties:
      bucket: \${prefix}-logs
      tags:
        Region: \${region}
  logs-encryption:
    type: aws:s3:BucketServerSideEncryptionConfigurationV2
    properties:
      bucket: \${logs.id}
      rules:
        - applyServerSideEncryptionByDefault:
            sseAlgorithm: aws:kms
            kmsMasterKeyId: \${key.arn}
  plain:
    type: aws:s3:Bucket
    properties:
      acl: private
  policy:
    type: aws:s3:BucketPolicy
    properties:
      bucket: \${plain.id}
      policy:
        fn::toJSON:
          Version: "2012-10-17"
          Statement:
            - Effect: Deny
              Principal: "*"
              Action: s3:*
              Resource: \${plain.arn}/*
              Condition:
                Bool:
                  aws:SecureTransport: "false"
  db:
    type: aws-native:rds:DbInstance
    properties:
      engine: postgres
      masterUserPassword: \${dbPassword}
      storageEncrypted:
        fn::secret: true
    options:
      dependsOn:
        - \${key}
  server:
    type: aws:ec2:Instance
    properties:
      ami: \${ami.id}
  cluster:
    type: eks:Cluster
`;

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

test('Pulumi YAML: resources by name at their key line, AWS Classic translated, AWS Native as written, other packages counted', () => {
  const r = pulumiYamlSource.load(PROGRAM, 'Pulumi.yaml', {});
  assert.deepEqual(r.sources.map((s) => [s.format, s.resources, s.errors]), [['pulumi-yaml', 8, []]]);
  const t = r.templates[0]!;
  assert.deepEqual([...t.resources.values()].map((x) => [x.id, x.type, x.loc.line]), [
    ['key', 'AWS::KMS::Key', lineOf(PROGRAM, '  key:')],
    ['logs', 'AWS::S3::Bucket', lineOf(PROGRAM, '  logs:')],
    ['plain', 'AWS::S3::Bucket', lineOf(PROGRAM, '  plain:')],
    ['policy', 'AWS::S3::BucketPolicy', lineOf(PROGRAM, '  policy:')],
    ['server', 'AWS::EC2::Instance', lineOf(PROGRAM, '  server:')],
    ['db', 'AWS::RDS::DBInstance', lineOf(PROGRAM, '  db:')],
  ]);
  assert.deepEqual(t.untranslated!.map((u) => [u.id, u.type]), [['cluster', 'eks:Cluster']]);
});

test('Pulumi YAML: interpolations become references, configuration and function results unknown naming them, secrets sensitive', () => {
  const t = pulumiYamlSource.load(PROGRAM, 'Pulumi.yaml', {}).templates[0]!;
  const logs = t.resources.get('logs')!;
  const enc = getPath(logs.properties, 'BucketEncryption.ServerSideEncryptionConfiguration');
  const byDefault = getPath(enc?.k === 'list' ? enc.items[0] : undefined, 'ServerSideEncryptionByDefault');
  const key = getPath(byDefault, 'KMSMasterKeyID');
  assert.deepEqual(key?.k === 'ref' && [key.resource, key.attr, key.loc.line], ['key', 'arn', lineOf(PROGRAM, 'kmsMasterKeyId: ${key.arn}')]);
  assert.deepEqual(byDefault?.k === 'object' && byDefault.keyLocs.get('SSEAlgorithm'),
    { file: 'Pulumi.yaml', line: lineOf(PROGRAM, 'sseAlgorithm: aws:kms'), column: 13, path: 'resources.logs-encryption.properties.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm' });
  const name = getPath(logs.properties, 'BucketName');
  assert.deepEqual(name?.k === 'unknown' && name.params, ['prefix']);
  assert.equal(render(getPath(logs.properties, 'Tags')), '[{Key: "Region", Value: "eu-west-1"}]');
  const db = t.resources.get('db')!;
  assert.deepEqual(db.refs, new Set(['key']));
  const pw = getPath(db.properties, 'MasterUserPassword');
  assert.deepEqual(pw?.k === 'unknown' && [pw.reason, pw.params], ['dbPassword is set per stack', ['dbPassword']]);
  const enc2 = getPath(db.properties, 'StorageEncrypted');
  assert.deepEqual(enc2?.k === 'scalar' && [enc2.v, enc2.sensitive], [true, true]);
  assert.equal(render(enc2), '"****" (sensitive, value withheld)');
  const policy = t.resources.get('policy')!;
  const bucket = getPath(policy.properties, 'Bucket');
  assert.deepEqual(bucket?.k === 'ref' && [bucket.resource, bucket.attr], ['plain', 'id']);
  const doc = getPath(policy.properties, 'PolicyDocument');
  assert.equal(doc?.k, 'object', 'fn::toJSON written as the JSON document the policy holds');
  assert.match(render(doc, 400), /Resource: "\$\{plain\.arn\}\/\*"/);
});

test('Pulumi YAML: a name that resolves to nothing is an input error at its place; another runtime and a compiled program are skipped with what to scan', () => {
  const bad = 'name: x\nruntime: yaml\nresources:\n  b:\n    type: aws:s3:BucketV2\n    properties:\n      bucket: ${nowhere.id}\n';
  const r = pulumiYamlSource.load(bad, 'Pulumi.yaml', {});
  assert.deepEqual(r.sources[0]!.errors.map((e) => [e.line, e.message]), [[7, '${nowhere.id} names no resource, variable or configuration value of this program']]);
  const ts = pulumiYamlSource.load('name: x\nruntime: nodejs\ndescription: a TypeScript program\n', 'Pulumi.yaml', {});
  assert.deepEqual([ts.sources, ts.templates], [[], []]);
  assert.match(ts.skipped[0]!.reason, /^a Pulumi project in nodejs, whose resources exist only when its program runs; scan a stack export \(pulumi stack export > stack\.json\) or a preview/);
  assert.ok(pulumiYamlSource.sniff('name: x\nruntime:\n  name: python\n', 'Pulumi.yaml'));
  assert.equal(pulumiYamlSource.sniff('config:\n  aws:region: eu-west-1\n', 'Pulumi.dev.yaml'), false, 'a stack settings file is not a program');
});

test('Pulumi YAML: names that are also properties of every JavaScript object are names like any other', () => {
  const program = `name: x
runtime: yaml
resources:
  constructor:
    type: aws:constructor:toString
    properties:
      __proto__: a
  __proto__:
    type: aws:s3:BucketPolicy
    properties:
      bucket: \${constructor.id}
      policy:
        fn::toJSON:
          __proto__: { constructor: 1 }
`;
  const r = pulumiYamlSource.load(program, 'Pulumi.yaml', {});
  assert.deepEqual(r.sources[0]!.errors, []);
  const t = r.templates[0]!;
  assert.deepEqual(t.untranslated!.map((u) => [u.id, u.type]), [['constructor', 'aws_constructor_to_string']]);
  const policy = t.resources.get('__proto__')!;
  assert.equal(render(getPath(policy.properties, 'PolicyDocument')), '{__proto__: {constructor: 1}}');
});

const corpus = fileURLToPath(new URL('../../../../../shared/corpus/pulumi', import.meta.url));

test('corpus: every resource of the pulumi/examples YAML programs is read, each type as its package names it', { skip: !existsSync(corpus) && 'corpus not present' }, () => {
  const manifest = JSON.parse(readFileSync(join(corpus, 'SOURCES.json'), 'utf8')) as { programs: { path: string; kind: string; resource_types?: Record<string, number> }[] };
  const loaded = loadSources([join(corpus, 'examples')], {});
  assert.deepEqual(loaded.sources.flatMap((s) => s.errors), []);
  for (const p of manifest.programs.filter((x) => x.kind === 'yaml')) {
    const file = join(corpus, p.path, 'Pulumi.yaml');
    const text = readFileSync(file, 'utf8');
    const expected = Object.values(p.resource_types ?? {}).reduce((a, b) => a + b, 0);
    const src = loaded.sources.find((s) => s.file.endsWith(join(p.path, 'Pulumi.yaml')));
    if (!/^resources:/m.test(text)) {
      // Compiled from another language (CUE): its resources are not in the file.
      assert.equal(src, undefined);
      assert.ok(loaded.skipped.some((s) => s.file.endsWith(join(p.path, 'Pulumi.yaml')) && /generated by `cue export`/.test(s.reason)));
      continue;
    }
    assert.equal(src?.resources, expected, p.path);
  }
  for (const token of Object.keys(JSON.parse(readFileSync(join(corpus, 'SOURCES.json'), 'utf8')).yaml_resource_types)) {
    const k = classify(token);
    if (token.startsWith('aws:')) assert.ok(k.kind === 'classic' && /^aws_[a-z0-9_]+$/.test(k.tfType), token);
    else if (token.startsWith('aws-native:')) assert.deepEqual(k, { kind: 'native', cfnType: 'AWS::S3::Bucket' });
    else assert.equal(k.kind, 'other', token);
  }
  // The static website's native bucket declares no encryption: S3 default encryption fails on it, in its file.
  const { findings } = evaluate(loaded.templates, loaded.sources, { controls: CONTROLS, today: '2026-01-01' });
  const f = findings.find((x) => x.controlId === 'AT-S3-001' && x.resource.id === 'site-bucket')!;
  assert.equal(f.status, 'fail');
  assert.ok(f.location.file.endsWith('aws-yaml-static-website/Pulumi.yaml'));
  const site = readFileSync(join(corpus, 'examples/aws-yaml-static-website/Pulumi.yaml'), 'utf8');
  assert.equal(f.resource.line, lineOf(site, '  site-bucket:'));
});
