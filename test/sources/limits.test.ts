import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadText } from '../../src/sources/cloudformation/load.js';
import { getPath } from '../../src/model/value.js';
import type { Value } from '../../src/model/types.js';

const load = (text: string, file = 'big.json') => loadText(text, file, true, {});
const errorsOf = (text: string, file?: string) => load(text, file).source!.errors.map((e) => [e.line, e.column, e.message]);

/** `Fn::Sub` doubling its variable `levels` times over a parameter of `base` characters, one level per line. */
function doublingSub(levels: number, base: number): string {
  let s = `{"Parameters": {"P": {"Type": "String", "Default": "${'x'.repeat(base)}"}}, "Resources": {"T": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName":\n`;
  for (let i = 0; i < levels; i++) s += '{"Fn::Sub": ["${A}${A}", {"A":\n';
  s += '{"Ref": "P"}' + '}]}'.repeat(levels) + '}}}}\n';
  return s;
}

test('a Fn::Sub that doubles a parameter 25 times stops at 1 MiB: the value is unknown and the intrinsic that crossed the limit is named', () => {
  const l = load(doublingSub(25, 1000));
  // Level k (1 = innermost) is 1000 * 2^k characters: level 11 (2,048,000) is the first over
  // 1,048,576; it is written on line 2 + 25 - 11.
  assert.deepEqual(l.source!.errors.map((e) => [e.line, e.column, e.message]), [
    [16, 1, 'Fn::Sub resolves to 2,048,000 characters, over the limit of 1,048,576 for one value (1 MiB, the size of the largest template CloudFormation accepts); the value is left unknown'],
  ]);
  const v = getPath(l.template!.resources.get('T')!.properties, 'TopicName') as Value & { k: 'unknown' };
  assert.equal(v.k, 'unknown');
  assert.equal(v.reason, 'Fn::Sub resolves to 2,048,000 characters, over the limit of 1,048,576 for one value');
});

test('a Fn::Join over the limit and a Fn::Split into too many items are unknown, located at the intrinsic', () => {
  const yaml = `Parameters:
  P: { Type: String, Default: "${'y'.repeat(600_000)}" }
  L: { Type: String, Default: "${','.repeat(10_000)}" }
Resources:
  T:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Join ["", [!Ref P, !Ref P]]
      Tags: !Split [",", !Ref L]
`;
  const l = load(yaml, 'big.yaml');
  assert.deepEqual(l.source!.errors.map((e) => [e.line, e.column, e.message]), [
    [8, 18, 'Fn::Join resolves to 1,200,000 characters, over the limit of 1,048,576 for one value (1 MiB, the size of the largest template CloudFormation accepts); the value is left unknown'],
    [9, 13, 'Fn::Split resolves to more than 10,000 items, the limit for one list; the value is left unknown'],
  ]);
  const props = l.template!.resources.get('T')!.properties;
  assert.equal(getPath(props, 'TopicName')!.k, 'unknown');
  assert.equal(getPath(props, 'Tags')!.k, 'unknown');
});

test('many values under the per-value limit stop at 16 MiB for the template: one error, later values unknown', () => {
  let yaml = `Parameters:\n  P: { Type: String, Default: "${'z'.repeat(600_000)}" }\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n`;
  for (let i = 0; i < 30; i++) yaml += `      V${i}: !Join ["", [!Ref P, "-"]]\n`;
  const l = load(yaml, 'big.yaml');
  // 27 values of 600,001 characters fit in 16,777,216; the 28th (V27, line 7 + 27) does not.
  assert.deepEqual(l.source!.errors.map((e) => [e.line, e.column, e.message]), [
    [34, 12, "Fn::Join: this template's intrinsic functions resolve to more than 16 MiB of text in all (16,200,027 characters before this one); this value and every later one that would add text are left unknown"],
  ]);
  const props = l.template!.resources.get('T')!.properties;
  assert.deepEqual([26, 27, 29].map((i) => getPath(props, `V${i}`)!.k), ['scalar', 'unknown', 'unknown']);
});

const resources = (n: number) => {
  let s = 'Resources:\n';
  for (let i = 0; i < n; i++) s += `  Q${i}:\n    Type: AWS::SQS::Queue\n`;
  return s;
};

test('500 resources are accepted; the 501st is an error located at it, and the template is not evaluated', () => {
  assert.deepEqual(errorsOf(resources(500), 'q.yaml'), []);
  const l = load(resources(501), 'q.yaml');
  assert.deepEqual(l.source!.errors.map((e) => [e.line, e.column, e.message]), [
    [1 + 2 * 500 + 1, 3, 'template declares 501 resources; CloudFormation accepts at most 500 per template and would reject it (Q500 is the first over the limit); split it into nested stacks'],
  ]);
  assert.equal(l.template!.resources.size, 0);
  assert.equal(l.source!.resources, 0);
});

test('Fn::ForEach counts the resources it generates', () => {
  const items = Array.from({ length: 251 }, (_, i) => `N${i}`).join(', ');
  const l = load(`Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Pairs:
    - Name
    - [${items}]
    - "\${Name}Queue":
        Type: AWS::SQS::Queue
      "\${Name}Topic":
        Type: AWS::SNS::Topic
`, 'loop.yaml');
  assert.deepEqual(l.source!.errors.map((e) => [e.line, e.column, e.message]), [
    [6, 7, 'template declares more than 500 resources; CloudFormation accepts at most 500 per template and would reject it (N250Queue is the first over the limit); split it into nested stacks'],
  ]);
});

test('parameters, outputs and mappings over their CloudFormation quotas (200 each) are errors at the first one over', () => {
  const section = (name: string, n: number, body: (i: number) => string) => {
    let s = `${name}:\n`;
    for (let i = 0; i < n; i++) s += `  X${i}: ${body(i)}\n`;
    return s;
  };
  const base = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n';
  assert.deepEqual(errorsOf(section('Parameters', 200, () => '{ Type: String, Default: a }') + base, 'p.yaml'), []);
  assert.deepEqual(errorsOf(section('Parameters', 201, () => '{ Type: String, Default: a }') + base, 'p.yaml'), [
    [202, 3, 'template declares 201 parameters; CloudFormation accepts at most 200 per template and would reject it (X200 is the first over the limit)'],
  ]);
  assert.deepEqual(errorsOf(base + section('Outputs', 201, () => '{ Value: a }'), 'o.yaml'), [
    [205, 3, 'template declares 201 outputs; CloudFormation accepts at most 200 per template and would reject it (X200 is the first over the limit)'],
  ]);
  assert.deepEqual(errorsOf(section('Mappings', 201, () => '{ k: { v: a } }') + base, 'm.yaml'), [
    [202, 3, 'template declares 201 mappings; CloudFormation accepts at most 200 per template and would reject it (X200 is the first over the limit)'],
  ]);
});

test('a chain of 5,000 conditions naming each other stops at 100: one error, the resource\'s condition unknown', () => {
  let yaml = 'Conditions:\n';
  for (let i = 0; i < 5000; i++) yaml += `  C${i}: !Condition C${i + 1}\n`;
  yaml += '  C5000: !Equals [a, a]\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Condition: C0\n';
  const l = load(yaml, 'chain.yaml');
  assert.deepEqual(l.source!.errors.map((e) => [e.line, e.column, e.message]), [
    [102, 9, 'condition C100 is reached through a chain of 100 conditions (from C0), the most Attest follows; it and the conditions that lead to it are left unknown'],
  ]);
  assert.equal(l.template!.resources.get('T')!.condition!.state, 'unknown');
});

test('a condition that reads 100 parameters through 110 other conditions names all 100 as its inputs: the depth cap is not a width cap', () => {
  let yaml = 'Parameters:\n';
  for (let i = 0; i < 100; i++) yaml += `  P${i}: { Type: String }\n`;
  yaml += 'Conditions:\n';
  const groups: string[] = [];
  for (let g = 0; g < 10; g++) {
    const leaves: string[] = [];
    for (let j = 0; j < 10; j++) { yaml += `  L${g * 10 + j}: !Equals [!Ref P${g * 10 + j}, x]\n`; leaves.push(`{ Condition: L${g * 10 + j} }`); }
    yaml += `  G${g}: !Or [${leaves.join(', ')}]\n`;
    groups.push(`{ Condition: G${g} }`);
  }
  yaml += `  Top: !Or [${groups.join(', ')}]\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !If [Top, a, b]\n`;
  const l = load(yaml, 'wide.yaml');
  assert.deepEqual(l.source!.errors, []);
  assert.deepEqual(l.template!.conditionals.map((c) => [c.condition, c.params.length, new Set(c.params).size]), [['Top', 100, 100]]);
});
