import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadText } from '../../src/sources/cloudformation/load.js';
import type { Template, Value } from '../../src/model/types.js';
import { getPath, toPlain } from '../../src/model/value.js';

function load(text: string, params: Record<string, string> = {}, file = 't.yaml'): Template {
  const l = loadText(text, file, true, { params });
  assert.ok(l.template, `not loaded: ${JSON.stringify(l.source?.errors)}`);
  return l.template;
}
const prop = (t: Template, res: string, path: string): Value | undefined => getPath(t.resources.get(res)!.properties, path);

test('every short-form tag resolves like its long form', () => {
  const yaml = `Parameters:
  Env: { Type: String, Default: prod }
  Subnets: { Type: CommaDelimitedList, Default: "a,b,c" }
Mappings:
  Sizes: { prod: { Instance: m5.large }, dev: { Instance: t3.micro } }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [a, a]]
  Either: !Or [!Condition NotProd, !Equals [a, b]]
Resources:
  Q:
    Type: AWS::SQS::Queue
  B:
    Type: AWS::S3::Bucket
    Properties:
      A: !Ref Env
      B: !Sub "\${Env}-\${Q.Arn}-\${AWS::Partition}"
      C: !GetAtt Q.Arn
      D: !GetAtt [Q, QueueName]
      E: !Join ["-", [x, !Ref Env]]
      F: !Select [1, !Ref Subnets]
      G: !Split [",", "p,q"]
      H: !If [IsProd, yes-prod, no-prod]
      I: !FindInMap [Sizes, !Ref Env, Instance]
      J: !ImportValue shared-vpc
      K: !Base64 "hello"
      L: !Cidr ["10.0.0.0/16", 4, 8]
      M: !GetAZs ""
      N: !Transform { Name: MyMacro, Parameters: {} }
      O: !If [Both, 1, 2]
      P: !If [Either, 1, 2]
      Long: { "Fn::Sub": "\${Env}" }`;
  const t = load(yaml);
  assert.deepEqual(t.errors, []);
  const v = (p: string) => toPlain(prop(t, 'B', p));
  assert.equal(v('A'), 'prod');
  assert.equal(v('B'), 'prod-${Q.Arn}-aws');
  assert.deepEqual(prop(t, 'B', 'C'), { k: 'ref', resource: 'Q', attr: 'Arn', loc: prop(t, 'B', 'C')!.loc });
  assert.equal((prop(t, 'B', 'D') as { attr: string }).attr, 'QueueName');
  assert.equal(v('E'), 'x-prod');
  assert.equal(v('F'), 'b');
  assert.deepEqual(v('G'), ['p', 'q']);
  assert.equal(v('H'), 'yes-prod');
  assert.equal(v('I'), 'm5.large');
  assert.equal(prop(t, 'B', 'J')!.k, 'unknown');
  assert.equal(v('K'), 'hello');
  assert.equal(prop(t, 'B', 'L')!.k, 'unknown');
  assert.equal(prop(t, 'B', 'M')!.k, 'unknown');
  assert.equal(prop(t, 'B', 'N')!.k, 'unknown');
  assert.equal(v('O'), 1);
  assert.equal(v('P'), 2);
  assert.equal(v('Long'), 'prod');
  assert.deepEqual([...t.resources.get('B')!.refs].sort(), ['Q']);
});

test('locations point at the attribute and survive resolution', () => {
  const t = load(`Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n`);
  const r = t.resources.get('Db')!;
  assert.deepEqual(r.loc, { file: 't.yaml', line: 2, column: 3 });
  assert.deepEqual(r.properties.keyLocs.get('StorageEncrypted'), { file: 't.yaml', line: 5, column: 7 });
  assert.deepEqual(prop(t, 'Db', 'StorageEncrypted')!.loc, { file: 't.yaml', line: 5, column: 25 });
  const j = load('{\n "Resources": {\n  "Db": {\n   "Type": "AWS::RDS::DBInstance",\n   "Properties": {"StorageEncrypted": true}\n  }\n }\n}', {}, 't.json');
  assert.deepEqual(j.resources.get('Db')!.properties.keyLocs.get('StorageEncrypted'), { file: 't.json', line: 5, column: 19 });
});

test('parameters: default, override, no default (unknown naming it), AllowedValues as alternatives, NoEcho masked', () => {
  const yaml = `Parameters:
  A: { Type: String, Default: "x" }
  B: { Type: String }
  C: { Type: String, AllowedValues: ["true", "false"] }
  S: { Type: String, NoEcho: true }
Resources:
  R:
    Type: AWS::S3::Bucket
    Properties: { A: !Ref A, B: !Ref B, C: !Ref C, S: !Ref S, Region: !Ref AWS::Region }`;
  let t = load(yaml);
  assert.equal(toPlain(prop(t, 'R', 'A')), 'x');
  assert.match((prop(t, 'R', 'A') as { via: string }).via, /default of parameter A/);
  const b = prop(t, 'R', 'B')!;
  assert.equal(b.k, 'unknown');
  assert.deepEqual((b as { params: string[] }).params, ['B']);
  const c = prop(t, 'R', 'C') as Value & { k: 'unknown' };
  assert.deepEqual(c.alts!.map(toPlain), ['true', 'false']);
  assert.equal(prop(t, 'R', 'Region')!.k, 'unknown');
  t = load(yaml, { A: 'y', B: 'z', S: 'hunter2', 'AWS::Region': 'eu-west-1' });
  assert.equal(toPlain(prop(t, 'R', 'A')), 'y');
  assert.equal(toPlain(prop(t, 'R', 'B')), 'z');
  assert.equal(toPlain(prop(t, 'R', 'Region')), 'eu-west-1');
  assert.equal(t.parameters.get('A')!.source, 'override');
  const s = prop(t, 'R', 'S') as Value & { k: 'scalar' };
  assert.equal(s.sensitive, true);
});

test('conditions: resources whose condition is false are known not to exist; unknown conditions are kept', () => {
  const t = load(`Parameters:
  Env: { Type: String, Default: dev }
  Other: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  Maybe: !Equals [!Ref Other, yes]
Resources:
  P: { Type: AWS::S3::Bucket, Condition: IsProd }
  M: { Type: AWS::S3::Bucket, Condition: Maybe }`);
  assert.equal(t.resources.get('P')!.condition!.state, false);
  assert.equal(t.resources.get('M')!.condition!.state, 'unknown');
  assert.deepEqual(t.resources.get('M')!.condition!.params, ['Other']);
});

test('SAM Globals merge into functions; resource values win', () => {
  const t = load(`Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Tracing: Active
    Environment: { Variables: { A: "1", B: "2" } }
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Tracing: PassThrough
      Environment: { Variables: { B: "3" } }`);
  const f = t.resources.get('Fn')!;
  assert.equal(toPlain(getPath(f.properties, 'Runtime')), 'python3.12');
  assert.equal(toPlain(getPath(f.properties, 'Tracing')), 'PassThrough');
  assert.deepEqual(toPlain(getPath(f.properties, 'Environment.Variables')), { A: '1', B: '3' });
  assert.ok(f.serverless);
});

test('Fn::ForEach expands resources from a literal collection', () => {
  const t = load(`Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Tables:
    - Name
    - [Orders, Users]
    - "\${Name}Table":
        Type: AWS::DynamoDB::Table
        Properties:
          TableName: !Ref Name`);
  assert.deepEqual([...t.resources.keys()], ['OrdersTable', 'UsersTable']);
  assert.equal(toPlain(prop(t, 'UsersTable', 'TableName')), 'Users');
});

test('bad input yields located errors, not exceptions', () => {
  const errs = (text: string, file = 'bad.yaml') => loadText(text, file, true, {}).source!.errors;
  const dupYaml = errs('Resources:\n  A:\n    Type: AWS::S3::Bucket\n  A:\n    Type: AWS::S3::Bucket\n');
  assert.equal(dupYaml.length, 1);
  assert.match(dupYaml[0].message, /duplicate key/);
  assert.equal(dupYaml[0].line, 4);
  const dupJson = errs('{"Resources": {"A": {"Type": "AWS::S3::Bucket"},\n "A": {"Type": "AWS::S3::Bucket"}}}', 'bad.json');
  assert.match(dupJson[0].message, /duplicate key "A" \(first at line 1/);
  assert.equal(dupJson[0].line, 2);
  const badYaml = errs('Resources:\n  A:\n    Type: [unclosed\n');
  assert.ok(badYaml[0].line >= 3, JSON.stringify(badYaml));
  const badJson = errs('{"Resources": {"A": {"Type": "AWS::S3::Bucket",}}}', 'bad.json');
  assert.match(badJson[0].message, /invalid JSON/);
  assert.equal(badJson[0].column, 48);
  const tag = errs('Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !Reff Y\n');
  assert.match(tag[0].message, /unknown intrinsic function tag !Reff/);
  assert.deepEqual([tag[0].line, tag[0].column], [5, 10]);
  const longUnknown = errs('Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: { "Fn::Nope": 1 }\n');
  assert.match(longUnknown[0].message, /unknown intrinsic function Fn::Nope/);
  const cycle = errs('Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties: { X: !GetAtt B.Arn }\n  B:\n    Type: AWS::SNS::Topic\n    Properties: { X: !Ref A }\n');
  assert.match(cycle[0].message, /circular dependency between resources: (A -> B -> A|B -> A -> B)/);
  const condCycle = errs('Conditions:\n  X: !Condition Y\n  Y: !Condition X\nResources:\n  A: { Type: AWS::SNS::Topic, Condition: X }\n');
  assert.match(condCycle.map((e) => e.message).join(' '), /circular condition/);
  const undefinedRef = errs('Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties: { X: !Ref Nope }\n');
  assert.match(undefinedRef[0].message, /Ref to Nope, which is neither a parameter nor a resource/);
  const notTemplate = errs('name: my-app\nversion: 1\n');
  assert.match(notTemplate[0].message, /not a CloudFormation template/);
  const bomb = errs('a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\nResources: { A: { Type: AWS::SNS::Topic, Properties: { X: *g } } }\n');
  assert.match(bomb[0].message, /more than 2,000,000 nodes/);
});

test('pseudo parameters inside Join/Sub keep the string specific (placeholders), alone they are unknown', () => {
  const t = load(`Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      A: !Join ["", ["arn:aws:iam::", !Ref AWS::AccountId, ":root"]]
      B: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root"
      C: !Ref AWS::AccountId`);
  assert.equal(toPlain(prop(t, 'R', 'A')), 'arn:aws:iam::${AWS::AccountId}:root');
  assert.equal(toPlain(prop(t, 'R', 'B')), 'arn:aws:iam::${AWS::AccountId}:root');
  assert.equal(prop(t, 'R', 'C')!.k, 'unknown');
});

test('Fn::ImportValue of a scanned stack export resolves across templates, references included', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { scanPaths } = await import('../../src/engine/scan.js');
  const dir = mkdtempSync(join(tmpdir(), 'attest-import-'));
  writeFileSync(join(dir, 'keys.yaml'), 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties: { EnableKeyRotation: true }\nOutputs:\n  KeyArn:\n    Value: !GetAtt Key.Arn\n    Export: { Name: shared-key }\n  Name:\n    Value: app\n    Export: { Name: shared-name }\n');
  writeFileSync(join(dir, 'app.yaml'), 'Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      KmsKeyId: !ImportValue shared-key\n      LogGroupName: !ImportValue shared-name\n      Other: !ImportValue not-scanned\n');
  const r = scanPaths([dir], { controls: [], today: '2026-01-01' });
  const app = r.templates.find((t) => t.file.endsWith('app.yaml'))!;
  const logs = app.resources.get('Logs')!;
  const key = getPath(logs.properties, 'KmsKeyId')!;
  assert.equal(key.k, 'ref');
  assert.equal(r.graph.target(logs, key)?.id, 'Key');
  assert.match(r.graph.target(logs, key)!.file, /keys\.yaml$/);
  assert.equal(toPlain(getPath(logs.properties, 'LogGroupName')), 'app');
  assert.equal(getPath(logs.properties, 'Other')!.k, 'unknown');
});
