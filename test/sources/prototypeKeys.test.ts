import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadText } from '../../src/sources/cloudformation/load.js';
import { readParamsFile } from '../../src/sources/params.js';
import { evaluate } from '../../src/engine/scan.js';
import { CONTROLS } from '../../src/controls/index.js';
import { extractFacts } from '../../src/facts/index.js';
import { toPlain } from '../../src/model/value.js';
import type { Value } from '../../src/model/types.js';

// Names that are also properties of every plain JavaScript object, used as tag keys,
// logical ids, parameter, mapping, condition and output names.
const TEMPLATE = `Parameters:
  constructor: { Type: String, Default: aws:kms }
  toLocaleString: { Type: String, Default: "true" }
Mappings:
  toString:
    hasOwnProperty: { valueOf: aws:kms }
Conditions:
  constructor: !Equals [!Ref constructor, aws:kms]
Resources:
  __proto__:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: !FindInMap [toString, hasOwnProperty, valueOf] }
      Tags:
        - { Key: constructor, Value: a }
        - { Key: __proto__, Value: b }
        - { Key: toString, Value: c }
  hasOwnProperty:
    Type: AWS::SNS::Topic
    Condition: constructor
    Properties:
      Tags: [{ Key: constructor, Value: d }]
  toString:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: !Ref toLocaleString
      SecurityGroupIngress:
        - { IpProtocol: constructor, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
  valueOf:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: v
      Tags: { __proto__: x, hasOwnProperty: y }
Outputs:
  constructor: { Value: !Ref toString }
`;

function scan(params: Record<string, string> = {}) {
  const l = loadText(TEMPLATE, 'proto.yaml', true, { params });
  assert.deepEqual(l.source!.errors, []);
  const { graph, findings } = evaluate([l.template!], [l.source!], { controls: CONTROLS, params, today: '2026-01-01' });
  return { template: l.template!, findings, facts: extractFacts(graph) };
}

test('tag keys named like Object.prototype members are counted exactly', () => {
  const { facts } = scan();
  assert.deepEqual(facts['resource-governance'], {
    resourceCount: 4, taggedResources: 3,
    tagKeys: [{ key: 'constructor', resources: 2 }, { key: '__proto__', resources: 2 }, { key: 'toString', resources: 1 }, { key: 'hasOwnProperty', resources: 1 }],
    resourceTypes: [{ type: 'AWS::S3::Bucket', count: 1 }, { type: 'AWS::SNS::Topic', count: 1 }, { type: 'AWS::EC2::SecurityGroup', count: 1 }, { type: 'AWS::SSM::Parameter', count: 1 }],
  });
});

test('parameters, mappings, conditions and logical ids with such names resolve; findings and facts are exact', () => {
  const { template, findings, facts } = scan();
  assert.deepEqual([...template.resources.keys()], ['__proto__', 'hasOwnProperty', 'toString', 'valueOf']);
  assert.deepEqual(facts['data-protection'].buckets, [{ id: '__proto__', file: 'proto.yaml', line: 10, encryption: 'aws:kms', kmsKey: null, versioning: 'not enabled', publicAccessBlock: null, policy: [] }]);
  assert.deepEqual(facts.network.securityGroups, [{
    id: 'toString', file: 'proto.yaml', line: 25, description: 'true',
    rules: [
      { direction: 'ingress', protocol: 'constructor', fromPort: 22, toPort: 22, peer: '0.0.0.0/0', peerKind: 'cidr4', line: 30, description: null },
      { direction: 'egress', protocol: '-1', fromPort: undefined, toPort: undefined, peer: '0.0.0.0/0', peerKind: 'cidr4', line: 25, description: 'default egress rule added by AWS', implicit: true },
    ],
  }]);
  const stack = (facts.deployment.stacks as { parameters: { name: string; valueFrom: string; default: unknown }[]; conditions: unknown[] }[])[0];
  assert.deepEqual(stack.parameters.map((p) => [p.name, p.valueFrom, p.default]), [['constructor', 'default', 'aws:kms'], ['toLocaleString', 'default', 'true']]);
  assert.deepEqual(stack.conditions, [{ name: 'constructor', holds: true, dependsOn: [] }]);
  assert.deepEqual(toPlain(template.outputs.get('constructor')!.value), '${toString}');
  const sg = findings.filter((f) => f.resource.id === 'toString').map((f) => [f.controlId, f.status, f.location.line, f.message]);
  assert.deepEqual(sg, [
    ['AT-SG-001', 'pass', 30, 'no ingress rule opens SSH (22) or RDP (3389) to 0.0.0.0/0 or ::/0'],
    ['AT-SG-002', 'pass', 30, 'no ingress rule opens a database, cache or search port to 0.0.0.0/0 or ::/0'],
    ['AT-SG-003', 'pass', 30, 'no ingress rule admits all ports or protocols from 0.0.0.0/0 or ::/0'],
    ['AT-SG-004', 'fail', 30, 'ingress constructor 22 from 0.0.0.0/0 opens more than HTTP/HTTPS to the internet'],
    ['AT-SG-005', 'fail', 25, 'SecurityGroupEgress is not declared, so AWS keeps the default rule allowing all traffic to 0.0.0.0/0'],
    ['AT-SG-006', 'fail', 30, 'ingress constructor 22 from 0.0.0.0/0 has no Description'],
  ]);
  // At the algorithm, which decides (line 15), not the rule list holding it.
  assert.deepEqual(findings.filter((f) => f.controlId === 'AT-S3-003').map((f) => [f.resource.id, f.status, f.location.line]), [['__proto__', 'pass', 15]]);
});

test('parameter overrides named __proto__ or constructor reach the template', () => {
  const d = mkdtempSync(join(tmpdir(), 'attest-proto-'));
  writeFileSync(join(d, 'params.json'), '{"Parameters": {"__proto__": "shh", "constructor": "AES256"}}');
  const params = readParamsFile(join(d, 'params.json'));
  assert.deepEqual(Object.entries(params), [['__proto__', 'shh'], ['constructor', 'AES256']]);
  const { template, facts } = scan(Object.fromEntries(Object.entries(params).filter(([k]) => k === 'constructor')));
  assert.deepEqual([...template.parameters.values()].map((p) => [p.name, p.source]), [['constructor', 'override'], ['toLocaleString', 'default']]);
  // The condition now fails, so the topic is known not to exist.
  assert.equal(template.resources.get('hasOwnProperty')!.condition!.state, false);
  assert.equal((facts['resource-governance'] as { resourceCount: number }).resourceCount, 3);
  const l = loadText('Parameters:\n  __proto__: { Type: String, Default: none }\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: { TopicName: !Ref __proto__ }\n', 'p.yaml', true, { params });
  assert.deepEqual(l.source!.errors, []);
  assert.equal(l.template!.parameters.get('__proto__')!.source, 'override');
  assert.equal(toPlain(l.template!.resources.get('T')!.properties.props.get('TopicName')), 'shh');
});

test('a property named __proto__ stays a property in plain JSON', () => {
  const loc = { file: 'x', line: 1, column: 1 };
  const v: Value = { k: 'object', loc, keyLocs: new Map(), props: new Map<string, Value>([['__proto__', { k: 'scalar', v: 'x', loc }], ['a', { k: 'scalar', v: 1, loc }]]) };
  const plain = toPlain(v) as Record<string, unknown>;
  assert.deepEqual(Object.entries(plain), [['__proto__', 'x'], ['a', 1]]);
  assert.equal(JSON.stringify(plain), '{"__proto__":"x","a":1}');
});
