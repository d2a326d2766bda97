import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadText } from '../../src/sources/cloudformation/load.js';
import { evaluate } from '../../src/engine/scan.js';
import control from '../../src/controls/data-protection/rdsStorageEncrypted.js';

function scan(metadata: string, today = '2026-06-01') {
  const text = `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Metadata:
${metadata.replace(/^/gm, '      ')}
    Properties:
      StorageEncrypted: false
`;
  const l = loadText(text, 's.yaml', true, {});
  const { findings } = evaluate([l.template!], [l.source!], { controls: [control], today });
  return { finding: findings.find((f) => f.controlId === 'AT-RDS-001')!, errors: l.source!.errors };
}

test("Attest's own suppression: reason kept, location given", () => {
  const { finding, errors } = scan('attest:\n  suppress:\n    - id: AT-RDS-001\n      reason: Ephemeral test database\n      expires: "2026-12-31"');
  assert.deepEqual(errors, []);
  assert.equal(finding.status, 'suppressed');
  assert.equal(finding.suppression!.reason, 'Ephemeral test database');
  assert.equal(finding.suppression!.source, 'attest');
  assert.equal(finding.suppression!.line, 7);
});

test('an expired suppression stops suppressing and says so', () => {
  const { finding } = scan('attest:\n  suppress:\n    - id: AT-RDS-001\n      reason: temporary\n      expires: "2026-01-31"');
  assert.equal(finding.status, 'fail');
  assert.equal(finding.suppression!.expired, true);
  assert.match(finding.message, /suppression expired on 2026-01-31/);
});

test('a suppression without a reason is refused with a located error', () => {
  const { finding, errors } = scan('attest:\n  suppress:\n    - id: AT-RDS-001');
  assert.equal(finding.status, 'fail');
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /needs a reason/);
});

test('Checkov, cfn_nag and cfn-guard suppressions are honoured through references', () => {
  assert.equal(scan('checkov:\n  skip:\n    - id: CKV_AWS_16\n      comment: dev only').finding.status, 'suppressed');
  assert.equal(scan('cfn_nag:\n  rules_to_suppress:\n    - id: F26\n      reason: dev only').finding.status, 'suppressed');
  assert.equal(scan('guard:\n  SuppressedRules:\n    - RDS_STORAGE_ENCRYPTED').finding.status, 'suppressed');
  assert.equal(scan('checkov:\n  skip:\n    - id: CKV_AWS_999\n      comment: other').finding.status, 'fail');
});

test('a passing finding is not turned into suppressed', () => {
  const l = loadText('Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Metadata: { checkov: { skip: [{ id: CKV_AWS_16 }] } }\n    Properties: { StorageEncrypted: true }\n', 'p.yaml', true, {});
  const { findings } = evaluate([l.template!], [l.source!], { controls: [control] });
  assert.equal(findings[0].status, 'pass');
});
