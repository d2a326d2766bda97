import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadText } from '../../src/sources/cloudformation/load.js';
import { evaluate } from '../../src/engine/scan.js';
import sgNoPublicAdminPorts from '../../src/controls/network/sgNoPublicAdminPorts.js';
import { getPath, toPlain } from '../../src/model/value.js';

const load = (text: string) => loadText(text, 'merge.yaml', true, {});

// The anchor sits in Metadata (as people write them); the rule that uses it only merges it.
const SG = `Metadata:
  Rules:
    - &ssh
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 0.0.0.0/0
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin
      SecurityGroupIngress:
        - <<: *ssh
          Description: from anywhere
`;

test('a YAML merge key expands: the security group opening SSH through a merged anchor fails; merged properties are located at the anchor', () => {
  const l = load(SG);
  assert.deepEqual(l.source!.errors, []);
  const findings = evaluate([l.template!], [l.source!], { controls: [sgNoPublicAdminPorts], today: '2026-01-01' }).findings;
  // The finding is at the rule as written (the list item holding `<<: *ssh`), like any inline rule.
  assert.deepEqual(findings.map((f) => [f.status, f.location.line, f.location.column, f.message]), [['fail', 14, 11, 'ingress tcp 22 from 0.0.0.0/0 exposes SSH (22) to the internet']]);
  const rule = getPath(l.template!.resources.get('Sg')!.properties, 'SecurityGroupIngress');
  assert.deepEqual(toPlain(rule), [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0', Description: 'from anywhere' }]);
  const item = (rule as { items: { keyLocs: Map<string, { line: number; column: number }> }[] }).items[0];
  // Merged keys keep where the anchor wrote them; the explicit key keeps its own line.
  assert.deepEqual(item.keyLocs.get('CidrIp'), { file: 'merge.yaml', line: 7, column: 7 });
  assert.deepEqual(item.keyLocs.get('Description'), { file: 'merge.yaml', line: 15, column: 11 });
});

test('explicit keys override merged ones wherever they are written; earlier merge sources win over later ones', () => {
  const l = load(`Metadata:
  A: &a { X: a, Y: a, Z: a }
  B: &b { X: b, W: b }
Resources:
  T:
    Type: AWS::SNS::Topic
    Properties:
      X: own
      <<: [*a, *b]
      Y: own
  U:
    Type: AWS::SNS::Topic
    Properties: { <<: *b, <<: *a }
`);
  assert.deepEqual(l.source!.errors, []);
  const t = l.template!.resources.get('T')!.properties;
  assert.deepEqual(toPlain(t), { X: 'own', Y: 'own', Z: 'a', W: 'b' });
  assert.deepEqual(t.keyLocs.get('Y'), { file: 'merge.yaml', line: 10, column: 7 });
  assert.deepEqual(t.keyLocs.get('Z'), { file: 'merge.yaml', line: 2, column: 23 });
  assert.deepEqual(toPlain(l.template!.resources.get('U')!.properties), { X: 'b', W: 'b', Y: 'a', Z: 'a' });
});

test('a quoted "<<" is an ordinary key, not a merge', () => {
  const l = load(`Resources:
  T:
    Type: AWS::SNS::Topic
    Properties: { "<<": literal }
`);
  assert.deepEqual(toPlain(l.template!.resources.get('T')!.properties), { '<<': 'literal' });
});

test('<< with something other than a mapping is an input error located at its value', () => {
  const errs = (text: string) => load(text).source!.errors.map((e) => [e.line, e.column, e.message]);
  const msg = (what: string) => `invalid YAML: the merge key << takes a mapping, an alias of a mapping, or a list of them; here it has ${what}`;
  assert.deepEqual(errs('Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      <<: 22\n'), [[5, 11, msg('a scalar')]]);
  assert.deepEqual(errs('Metadata:\n  P: &p 22\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      <<: [*p]\n'), [[7, 12, msg('an alias of a scalar')]]);
  assert.deepEqual(errs('Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      <<: [{A: 1}, [x]]\n'), [[5, 20, msg('a list')]]);
});

test('duplicate keys are still refused (each reported once, even inside an aliased mapping)', () => {
  const errs = load('Metadata:\n  M: &m\n    A: 1\n    A: 2\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: *m\n  U:\n    Type: AWS::SNS::Topic\n    Properties: *m\n').source!.errors;
  assert.deepEqual(errs.map((e) => [e.line, e.column, e.message]), [[4, 5, 'invalid YAML: duplicate key A in mapping (first at line 3; YAML requires unique keys; CloudFormation would silently keep only one)']]);
});

test('an unknown tag inside an anchor is reported once, however many aliases and merges repeat it', () => {
  const errs = load('Metadata:\n  B: &b { X: !Foo x }\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: *b\n  U:\n    Type: AWS::SNS::Topic\n    Properties:\n      <<: *b\n').source!.errors;
  assert.deepEqual(errs.map((e) => [e.line, e.column]), [[2, 14]]);
  assert.match(errs[0]!.message, /^unknown intrinsic function tag !Foo; CloudFormation knows /);
});
