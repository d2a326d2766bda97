/**
 * attest report --format pdf on examples/platform with a small populated ledger: the PDF
 * carries the disclaimer on every page, the score line and a known gap with its evidence,
 * embeds its TrueType font, and its detached Ed25519 signature verifies (and fails after a
 * changed byte). The text checks use poppler-utils (pdftotext, pdfinfo, pdffonts), which CI
 * installs; without them those checks are skipped and say why.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, verify } from 'node:crypto';
import forge from 'node-forge';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGS } from '../../src/frameworks/index.js';
import { REPORT_DISCLAIMER } from '../../src/compliance/framework-report.js';
import { glyphCode, selfIssuedCertificate } from '../../src/compliance/report-pdf.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin/attest.js');
const examples = join(root, 'examples/platform');
const dir = mkdtempSync(join(tmpdir(), 'attest-report-pdf-'));
const L = ['--db', join(dir, 'ledger.db'), '--keys', join(dir, 'keys')];
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ATTEST_CONFIG: join(dir, 'none.json') }, ...(input !== undefined ? { input } : {}) });
const poppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error === undefined && spawnSync('pdffonts', ['-v']).error === undefined && spawnSync('pdfinfo', ['-v']).error === undefined;
const NO_POPPLER = 'pdftotext/pdfinfo/pdffonts (poppler-utils) are not installed: apt-get install poppler-utils';
const tool = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const soc2 = CATALOGS.find((c) => c.framework === 'soc2-tsc')!;
const manual = soc2.requirements.find((r) => r.evidence.manual)!;

let rendered = false;
function render(): void {
  if (rendered) return;
  writeFileSync(join(dir, 'policy.txt'), 'Information security policy, approved 2026-11-01.\n');
  let r = run(['evidence', 'add', ...L, '--framework', soc2.id, '--requirement', manual.id, '--statement', 'Approved by the board.', '--file', join(dir, 'policy.txt'), '--actor', 'carol']);
  assert.equal(r.status, 0, r.stderr);
  const events = [
    { actor: { id: 'alice', type: 'user' }, action: 'auth.login', outcome: 'success' },
    { actor: { id: 'mallory', type: 'user' }, action: 'auth.login', outcome: 'denied' },
    { actor: { id: 'deployer', type: 'service' }, action: 'deploy.run', outcome: 'success' },
  ];
  r = run(['ledger', 'append', '-', ...L], events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  assert.equal(r.status, 0, r.stderr);
  // The .pdf extension picks the format.
  r = run(['report', '--framework', 'soc2-tsc', examples, ...L, '--out', 'soc2.pdf', '--since', '30d']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /Report written to soc2\.pdf, signed in soc2\.pdf\.sig \(key s1-/);
  rendered = true;
}

test('report --out soc2.pdf: a PDF file, signed with the detached Ed25519 signature, verifiable and failing on a changed byte', () => {
  render();
  const bytes = readFileSync(join(dir, 'soc2.pdf'));
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(bytes.subarray(-8).toString('latin1'), /%%EOF\s*$/);
  let r = run(['report', 'verify', 'soc2.pdf']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^VERIFIED: soc2\.pdf \(SHA-256 [0-9a-f]{64}\) was signed at .* by key s1-/);
  const changed = Buffer.from(bytes);
  changed[Math.floor(changed.length / 2)] ^= 0x01;
  writeFileSync(join(dir, 'changed.pdf'), changed);
  r = run(['report', 'verify', 'changed.pdf', '--signature', 'soc2.pdf.sig']);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /FAILED: changed\.pdf: .*it was changed after signing/);
});

test('report PDF content: disclaimer on every page, score line, the CC6.1 gap located, font embedded', { skip: poppler ? false : NO_POPPLER }, () => {
  render();
  const pages = Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', ['soc2.pdf']))?.[1]);
  assert.ok(pages >= 2, `pages: ${pages}`);
  for (let i = 1; i <= pages; i++) {
    const text = tool('pdftotext', ['-f', String(i), '-l', String(i), '-layout', 'soc2.pdf', '-']);
    assert.ok(text.includes(REPORT_DISCLAIMER), `page ${i} of ${pages} lacks the disclaimer`);
    assert.ok(text.includes(`Page ${i} of ${pages}`), `page ${i}: no page number`);
  }
  const all = tool('pdftotext', ['soc2.pdf', '-']).replace(/\s+/g, ' ');
  assert.match(all, /Score: \d+\/\d+ \(\d+\.\d%\) of the applicable requirements are met/);
  assert.match(all, /Automated coverage: \d+\/\d+ \(\d+\.\d%\)/);
  // Gaps come before the full requirement list; CC6.1 is a gap, with AT-S3-003 failing on UploadsBucket located at file:line.
  const gaps = all.indexOf('Gaps (');
  const reqs = all.indexOf('Requirements and evidence');
  assert.ok(gaps > 0 && reqs > gaps, 'gaps listed before the requirements');
  assert.match(all.slice(gaps, reqs), /CC6\.1 not met/);
  // Long paths wrap inside table cells (pdftotext then inserts a space): compare without white space.
  const dense = all.replace(/\s+/g, '');
  assert.match(dense, /AT-S3-003failsonUploadsBucket\([^()]*?platform\/audit\.yaml:\d+\)/);
  // In the requirements section, findings are grouped by control, status and what was found; the
  // locations are relative to the one scanned directory, and the section says so.
  assert.ok(all.includes(`(file paths relative to ${examples})`), 'the evidence section names the directory its paths are relative to');
  assert.ok(all.includes('– AT-S3-003 fail (1): default encryption does not use SSE-KMS (absent or AES256) UploadsBucket (AWS::S3::Bucket) at audit.yaml:89'), 'the AT-S3-003 failure with its located value and file:line');
  // Cover, audit log, principals, encryption, policy.
  assert.match(dense, /Signingkeys1-\S+,SHA-256fingerprintofthepublickey[0-9a-f]{64}/);
  assert.match(dense, /Anchorcheckpointsize\d+,root[0-9a-f]{64}/);
  assert.match(all, /Verification VERIFIED/);
  assert.match(all, /Denials 1 refused request\(s\) from 1 actor\(s\)/);
  assert.match(all, /Principals/);
  assert.match(all, /Encryption status/);
  assert.ok(all.includes('policy.txt (SHA-256 '), 'the attested policy file is listed');
  // The TrueType font is embedded (not one of the 14 standard fonts).
  const fonts = tool('pdffonts', ['soc2.pdf']).split('\n').slice(2).filter((l) => l.trim());
  assert.ok(fonts.length > 0);
  for (const l of fonts) {
    assert.match(l, /DejaVuSans/, l);
    assert.match(l, /TrueType/, l);
    assert.match(l, /\byes\s+yes\s+yes\b/, `emb/sub/uni: ${l}`);
  }
});

test('report PDF evidence: every finding of the JSON report is listed, one location a line, none dropped', { skip: poppler ? false : NO_POPPLER }, () => {
  render();
  const r = run(['report', '--framework', 'soc2-tsc', examples, ...L, '--format', 'json', '--out', 'soc2.json', '--since', '30d', '-q']);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(readFileSync(join(dir, 'soc2.json'), 'utf8')) as { requirements: { parts: { findings?: { findings: { resource: { id: string; type: string }; location: { file: string; line: number }; exceptedBy?: string }[] }[] }[] }[] };
  const expected = new Map<string, number>();
  let total = 0;
  for (const q of report.requirements) {
    for (const p of q.parts) {
      for (const c of p.findings ?? []) {
        for (const f of c.findings) {
          assert.ok(f.location.file.startsWith(`${examples}/`), f.location.file);
          const line = `${f.resource.id} (${f.resource.type}) at ${f.location.file.slice(examples.length + 1)}:${f.location.line}${f.exceptedBy ? `, excepted by ${f.exceptedBy}` : ''}`;
          expected.set(line, (expected.get(line) ?? 0) + 1);
          total++;
        }
      }
    }
  }
  // A location too long for the column wraps (at a space, or inside a long word): its lines are joined back.
  const keys = [...expected.keys()];
  const lines = tool('pdftotext', ['soc2.pdf', '-']).split('\n').map((x) => x.trim());
  const got = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let cur = lines[i]!;
    while (!expected.has(cur) && i + 1 < lines.length && keys.some((k) => k.startsWith(cur))) {
      const next = lines[++i]!;
      cur = keys.some((k) => k.startsWith(`${cur} ${next}`)) ? `${cur} ${next}` : cur + next;
    }
    if (expected.has(cur)) got.set(cur, (got.get(cur) ?? 0) + 1);
    else i = start; // not a location after all: the lines joined to it are read again
  }
  assert.deepEqual(got, expected);
  // The fixture's count, so a change that loses findings on both sides still shows here.
  assert.equal(total, 432);
  // A known location, exactly: the S3 bucket that fails AT-S3-003.
  assert.equal(got.get('UploadsBucket (AWS::S3::Bucket) at audit.yaml:89'), 17);
});

test('PDF text codes: a glyph id is two bytes of a literal string; the bytes ( ) \\ and line ends are escaped', () => {
  assert.equal(glyphCode(0x0003), '\x00\x03');
  assert.equal(glyphCode(0x0028), '\x00\\(');
  assert.equal(glyphCode(0x0029), '\x00\\)');
  assert.equal(glyphCode(0x005c), '\x00\\\\');
  assert.equal(glyphCode(0x000a), '\x00\\n');
  assert.equal(glyphCode(0x000d), '\x00\\r');
  assert.equal(glyphCode(0x2829), '\\(\\)');
  assert.equal(glyphCode(0x01ff), '\x01\xff');
});

test('report --format pdf needs --out (and so does oscal, which writes two files)', () => {
  let r = run(['report', '--framework', 'hipaa', examples, '--format', 'pdf']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--format pdf writes a file: give it with --out/);
  r = run(['report', '--framework', 'hipaa', examples, '--format', 'oscal']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--format oscal writes two files .*--out/);
  // Without a ledger: a PDF, unsigned, and the cover says so.
  r = run(['report', '--framework', 'hipaa', examples, '--format', 'pdf', '--out', 'hipaa.out', '-q']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(dir, 'hipaa.out')).subarray(0, 5).toString('latin1'), '%PDF-');
  if (poppler) assert.match(tool('pdftotext', ['hipaa.out', '-']).replace(/\s+/g, ' '), /Signing key not signed \(no ledger keys\)/);
});

/** Checks the embedded CMS signature against the PDF's byte ranges: digest attribute and RSA signature over the signed attributes. */
function checkEmbedded(pdf: Buffer): { subject: string; signingTime?: Date } {
  const text = pdf.toString('latin1');
  const br = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  assert.ok(br, 'no /ByteRange');
  assert.match(text, /\/Contents\s*</);
  assert.match(text, /\/SubFilter\s*\/adbe\.pkcs7\.detached/);
  const [a, b, c, d] = br.slice(1).map(Number) as [number, number, number, number];
  assert.equal(a, 0);
  assert.equal(c + d, pdf.length, 'the byte ranges cover the file to its end');
  const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
  assert.match(hex, /^[0-9a-fA-F]+$/);
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const asn1 = forge.asn1.fromDer(forge.util.hexToBytes(hex), { parseAllBytes: false } as unknown as boolean);
  const p7 = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & { rawCapture: { authenticatedAttributes: forge.asn1.Asn1[]; signature: string } };
  const cert = p7.certificates[0]!;
  const attrs = p7.rawCapture.authenticatedAttributes;
  let digest: string | undefined;
  let signingTime: Date | undefined;
  for (const attr of attrs) {
    const oid = forge.asn1.derToOid((attr.value as forge.asn1.Asn1[])[0]!.value as string);
    const val = ((attr.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!;
    if (oid === forge.pki.oids.messageDigest!) digest = Buffer.from(val.value as string, 'binary').toString('hex');
    if (oid === forge.pki.oids.signingTime!) signingTime = forge.asn1.utcTimeToDate(val.value as string);
  }
  assert.equal(digest, createHash('sha256').update(signed).digest('hex'), 'the CMS digest is the SHA-256 of the byte ranges');
  const set = forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs)).getBytes();
  const ok = verify('sha256', Buffer.from(set, 'binary'), forge.pki.certificateToPem(cert), Buffer.from(p7.rawCapture.signature, 'binary'));
  assert.equal(ok, true, 'the CMS signature verifies with the certificate');
  // A changed byte inside the signed ranges breaks the digest.
  const changed = Buffer.from(signed);
  changed[100] ^= 0x01;
  assert.notEqual(createHash('sha256').update(changed).digest('hex'), digest);
  return { subject: cert.subject.getField('CN')?.value as string, ...(signingTime ? { signingTime } : {}) };
}

test('report PDF: the embedded CMS signature (self-issued without --cert) covers the file and verifies', () => {
  render();
  const got = checkEmbedded(readFileSync(join(dir, 'soc2.pdf')));
  assert.match(got.subject, /^attest report signer \(ledger key s1-/);
  assert.ok(got.signingTime && Math.abs(got.signingTime.getTime() - Date.now()) < 10 * 60_000);
  if (poppler) {
    const cover = tool('pdftotext', ['-f', '1', '-l', '1', 'soc2.pdf', '-']).replace(/\s+/g, ' ');
    assert.match(cover, /PDF signature embedded CMS signature by CN=attest report signer .* \(a self-issued certificate/);
  }
});

test('report PDF --cert/--cert-key: the operator\'s certificate signs the PDF; both flags or neither', async () => {
  const own = await selfIssuedCertificate('Example Corp Compliance');
  writeFileSync(join(dir, 'cert.pem'), own.certPem);
  writeFileSync(join(dir, 'key.pem'), own.keyPem);
  let r = run(['report', '--framework', 'hipaa', examples, '--out', 'hipaa-cert.pdf', '--cert', 'cert.pem', '--cert-key', 'key.pem', '-q']);
  assert.equal(r.status, 0, r.stderr);
  const got = checkEmbedded(readFileSync(join(dir, 'hipaa-cert.pdf')));
  assert.equal(got.subject, 'Example Corp Compliance');
  if (spawnSync('pdfsig', ['-v']).error === undefined) {
    const sig = spawnSync('pdfsig', ['hipaa-cert.pdf'], { cwd: dir, encoding: 'utf8' }).stdout;
    assert.match(sig, /Signer Certificate Common Name: Example Corp Compliance/);
    assert.match(sig, /Signature Validation: Signature is Valid\./);
    assert.match(sig, /Total document signed/);
  }
  r = run(['report', '--framework', 'hipaa', examples, '--out', 'x.pdf', '--cert', 'cert.pem']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /give both --cert FILE and --cert-key FILE/);
  r = run(['report', '--framework', 'hipaa', examples, '--out', 'x.json', '--cert', 'cert.pem', '--cert-key', 'key.pem']);
  assert.equal(r.status, 2);
  r = run(['report', '--framework', 'hipaa', examples, '--out', 'x.pdf', '--cert', 'key.pem', '--cert-key', 'key.pem']);
  assert.equal(r.status, 2, 'a key given as the certificate is a usage error');
});
