import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanPaths } from '../../src/engine/scan.js';
import { extractFacts } from '../../src/facts/index.js';
import { ResourceContext } from '../../src/controls/api.js';
import { bucketPoliciesOf } from '../../src/controls/lib/data.js';

// The lookups facts and controls make through the graph's indexes: who points at a resource,
// across templates when a stack imports another's export, and literal bucket names.
const A = `Conditions:
  Never: !Equals [a, b]
Resources:
  Key:
    Type: AWS::KMS::Key
  KeyAlias:
    Type: AWS::KMS::Alias
    Properties: { AliasName: alias/app, TargetKeyId: !Ref Key }
  OtherKey:
    Type: AWS::KMS::Key
  Pool:
    Type: AWS::Cognito::UserPool
  Web:
    Type: AWS::Cognito::UserPoolClient
    Properties: { UserPoolId: !Ref Pool }
  Cli:
    Type: AWS::Cognito::UserPoolClient
    Properties: { UserPoolId: !Ref Pool }
  Secret:
    Type: AWS::SecretsManager::Secret
  Rotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties: { SecretId: !Ref Secret, RotationRules: { AutomaticallyAfterDays: 30 } }
  Data:
    Type: AWS::S3::Bucket
    Properties: { BucketName: data-bucket }
  ByRef:
    Type: AWS::S3::BucketPolicy
    Properties: { Bucket: !Ref Data, PolicyDocument: { Statement: [] } }
  ByName:
    Type: AWS::S3::BucketPolicy
    Properties: { Bucket: data-bucket, PolicyDocument: { Statement: [] } }
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      Policies: !If [Never, [], !Ref AWS::NoValue]
Outputs:
  DataName:
    Value: !Ref Data
    Export: { Name: data }
`;
const B = `Resources:
  Imported:
    Type: AWS::S3::BucketPolicy
    Properties: { Bucket: !ImportValue data, PolicyDocument: { Statement: [] } }
`;

test('facts and the bucket-policy lookup find exactly the resources pointing at each resource', () => {
  const d = mkdtempSync(join(tmpdir(), 'attest-graph-'));
  writeFileSync(join(d, 'a.yaml'), A);
  writeFileSync(join(d, 'b.yaml'), B);
  const r = scanPaths([d], { controls: [], today: '2026-01-01' });
  assert.deepEqual(r.sources.flatMap((s) => s.errors), []);
  const facts = extractFacts(r.graph);
  const dp = facts['data-protection'] as Record<string, { id: string }[]>;
  assert.deepEqual(dp.kmsKeys.map((k) => [k.id, (k as unknown as { aliases: unknown[] }).aliases]), [['Key', ['alias/app']], ['OtherKey', []]]);
  assert.deepEqual(dp.secrets.map((s) => [s.id, (s as unknown as { rotation: unknown[] }).rotation]), [['Secret', [{ id: 'Rotation', schedule: { AutomaticallyAfterDays: 30 } }]]]);
  // Facts follow the import into b.yaml; the literal name is a control's concern.
  assert.deepEqual(dp.buckets.map((b) => [b.id, (b as unknown as { policy: string[] }).policy]), [['Data', ['ByRef', 'Imported']]]);
  const auth = facts.authentication as { userPools: { id: string; clients: string[] }[] };
  assert.deepEqual(auth.userPools.map((p) => [p.id, p.clients]), [['Pool', ['Web', 'Cli']]]);
  const iam = facts.iam as { roles: { id: string; conditionalParts: unknown[] }[] };
  assert.deepEqual(iam.roles.map((x) => [x.id, x.conditionalParts]), [['Role', [{ line: 37, condition: 'Never', holds: false, dependsOn: [] }]]]);
  const data = r.graph.ofType('AWS::S3::Bucket')[0];
  // Controls look at policies of the bucket's own template: by reference or by its literal name.
  assert.deepEqual(bucketPoliciesOf(new ResourceContext(data, r.graph, '2026-01-01')).map((p) => p.id), ['ByRef', 'ByName']);
});
