import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { guardCases, summarise, trivyCases } from '../bench/agreement.js';
import { TRIVY_TERRAFORM_NOTES, noteKey } from '../bench/trivyTerraformNotes.js';

// Labelled cases from Trivy and the AWS Guard Rules Registry (../shared/corpus, present in CI).
// The floor sits just under what was measured (0.96 / 0.96 when written) so a control that
// starts disagreeing with them is noticed; each remaining disagreement is explained in the
// closing note of the scanner issue.
const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const present = existsSync(corpus);

test('agreement with Trivy good/bad examples', { skip: !present && 'corpus not present' }, () => {
  const s = summarise(trivyCases(corpus));
  assert.ok(s.cases >= 90, `only ${s.cases} mapped cases`);
  assert.ok(s.agreementOfDecided! >= 0.95, JSON.stringify(s));
});

test('agreement with AWS Guard Rules Registry rule tests', { skip: !present && 'corpus not present' }, () => {
  const s = summarise(guardCases(corpus));
  assert.ok(s.cases >= 500, `only ${s.cases} mapped cases`);
  assert.ok(s.agreementOfDecided! >= 0.95, JSON.stringify(s));
});

// Trivy's Terraform examples, read through the Terraform translators. Every disagreement must
// carry an explanation in bench/trivyTerraformNotes.ts (Trivy's label arguable, the two checks
// ask different questions, or Attest wrong with the fix pending elsewhere), so a new one fails
// here until it is fixed or explained: that list is the guard. The floor is a backstop under it.
// Measured when written: 212 agree / 10 disagree of 233 cases = 0.955. Of the 10, 9 are cases
// where Attest's answer is the true one (the notes say why) and one a broken example. Trivy
// checks that test one part of what a control asks (one character class of a password policy,
// write-only S3 data events) are related, not equivalent, and are not listed as references.
test('agreement with Trivy good/bad Terraform examples', { skip: !present && 'corpus not present' }, () => {
  const cases = trivyCases(corpus, 'terraform');
  const s = summarise(cases);
  assert.ok(s.cases >= 160, `only ${s.cases} mapped cases`);
  const unexplained = cases.filter((c) => c.verdict === 'disagree' && !TRIVY_TERRAFORM_NOTES[noteKey(c)]).map((c) => `${noteKey(c)}: expected ${c.expected}, got ${c.got} (${c.controls.join(', ')})`);
  assert.deepEqual(unexplained, [], 'fix Attest or explain each disagreement in bench/trivyTerraformNotes.ts');
  assert.ok(s.agreementOfDecided! >= 0.95, JSON.stringify(s));
});
