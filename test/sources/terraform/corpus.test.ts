// The public Terraform corpus (../shared/corpus/terraform, present in CI): every .tf file parses,
// and every configuration in it loads without a defect.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadSources } from '../../../src/sources/index.js';
import { parseHcl } from '../../../src/sources/terraform/hcl/parser.js';

const corpus = fileURLToPath(new URL('../../../../../shared/corpus/terraform', import.meta.url));

function tfFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) tfFiles(p, out);
    else if (e.endsWith('.tf')) out.push(p);
  }
  return out;
}

test('every .tf file of the corpus parses without an error', { skip: !existsSync(corpus) && 'corpus not present' }, () => {
  const files = tfFiles(corpus);
  assert.ok(files.length > 1000, `expected the corpus's 1240 files, found ${files.length}`);
  const errors = files.flatMap((f) => parseHcl(readFileSync(f, 'utf8'), f).errors.map((e) => `${f}:${e.line}:${e.col}: ${e.message}`));
  assert.deepEqual(errors, []);
});

test('every root module of the corpus loads; the only input errors are the modules the corpus left out', { skip: !existsSync(corpus) && 'corpus not present' }, () => {
  const s = loadSources([corpus], {});
  const errors = s.sources.flatMap((x) => x.errors.map((e) => `${e.file.slice(corpus.length + 1)}:${e.line}: ${e.message}`));
  // The corpus copies root, modules/ and examples/ only: these examples call wrappers/, which it leaves out.
  assert.deepEqual(errors, [
    'modules/terraform-aws-cloudwatch/examples/log-group-with-log-stream/main.tf:21: module log_group_wrapped: folder ../../wrappers/log-group does not exist',
    'modules/terraform-aws-cloudwatch/examples/log-group-with-log-stream/main.tf:38: module log_stream_wrapped: folder ../../wrappers/log-stream does not exist',
    'modules/terraform-aws-ssm-parameter/examples/complete/main.tf:165: module wrapper: folder ../../wrappers does not exist',
  ]);
  assert.ok(s.templates.length > 100, `expected over 100 root modules, found ${s.templates.length}`);
  assert.ok(s.templates.every((t) => t.format === 'terraform'));
  // Modules called by a scanned folder are read through their callers, not as units of their own.
  const units = new Set(s.templates.map((t) => t.file.slice(corpus.length + 1)));
  assert.ok(units.has('modules/terraform-aws-s3-bucket/examples/complete'));
  assert.ok(!units.has('modules/terraform-aws-s3-bucket'));
});
