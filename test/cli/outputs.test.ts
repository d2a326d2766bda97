import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planOutputs, useColor } from '../../src/cli/outputs.js';
import { UsageError } from '../../src/cli/args.js';

test('planOutputs: the forms of --output and what standard output gets', () => {
  assert.deepEqual(planOutputs(undefined, []), [{ format: 'text' }]);
  assert.deepEqual(planOutputs('json', []), [{ format: 'json' }]);
  // the contract before FORMAT=FILE: a plain file takes --format, else its extension, else json
  assert.deepEqual(planOutputs('sarif', ['attest.out']), [{ format: 'sarif', file: 'attest.out' }]);
  assert.deepEqual(planOutputs(undefined, ['r.xml']), [{ format: 'junit', file: 'r.xml' }]);
  assert.deepEqual(planOutputs(undefined, ['r.unknown']), [{ format: 'json', file: 'r.unknown' }]);
  // several outputs in one run; --format names standard output's
  assert.deepEqual(planOutputs('text', ['sarif=results.sarif', 'junit=junit.xml']), [
    { format: 'text' }, { format: 'sarif', file: 'results.sarif' }, { format: 'junit', file: 'junit.xml' },
  ]);
  // without --format, only files: standard output gets no report (a summary goes to stderr)
  assert.deepEqual(planOutputs(undefined, ['sarif=a.sarif', 'csv=b.csv']), [{ format: 'sarif', file: 'a.sarif' }, { format: 'csv', file: 'b.csv' }]);
  assert.deepEqual(planOutputs(undefined, ['markdown', 'html=r.html']), [{ format: 'markdown' }, { format: 'html', file: 'r.html' }]);
  assert.deepEqual(planOutputs(undefined, ['json=-']), [{ format: 'json' }]);
  // a name that is not a format before "=" is a file name
  assert.deepEqual(planOutputs(undefined, ['a=b.json']), [{ format: 'json', file: 'a=b.json' }]);
});

test('planOutputs: refusals are usage errors that say what to do', () => {
  const refuses = (fmt: string | undefined, outs: string[], re: RegExp) => assert.throws(() => planOutputs(fmt, outs), (e: Error) => e instanceof UsageError && re.test(e.message));
  refuses('text', ['json'], /only one report can go to standard output; got text and json/);
  refuses(undefined, ['json=-', 'sarif'], /only one report can go to standard output/);
  refuses(undefined, ['sarif=r.out', 'json=./r.out'], /r\.out is named as the output of both sarif and json/);
  refuses(undefined, ['sarif='], /name a file after "="/);
  refuses('pdf', [], /--format must be one of text, json, sarif, junit, csv, markdown, html; got "pdf"/);
});

test('useColor: a terminal, unless --no-color or NO_COLOR (non-empty) says otherwise', () => {
  assert.equal(useColor({ isTTY: true }, false, {}), true);
  assert.equal(useColor({ isTTY: false }, false, {}), false);
  assert.equal(useColor({}, false, {}), false);
  assert.equal(useColor({ isTTY: true }, true, {}), false);
  assert.equal(useColor({ isTTY: true }, false, { NO_COLOR: '1' }), false);
  assert.equal(useColor({ isTTY: true }, false, { NO_COLOR: '0' }), false, 'any non-empty value opts out');
  assert.equal(useColor({ isTTY: true }, false, { NO_COLOR: '' }), true, 'an empty NO_COLOR is unset');
});
