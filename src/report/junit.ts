// JUnit XML for CI test reporters: one suite per control domain, one case per finding.
import type { Finding } from '../model/types.js';
import type { Report } from './model.js';
import { joinChunks, joinedLines } from './chunks.js';
import { controlIndex, fixText, typeText } from './digest.js';

// Characters XML 1.0 does not allow at all (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content: & < > escaped (and " ' too, harmlessly), invalid characters removed. */
export function xmlText(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ENT[c]!).replace(/\r/g, '&#13;');
}

/** Attribute value (always written in double quotes): as text, with tab/newline kept as character references. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

const ENT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

interface Case { classname: string; name: string; body: string; failure: boolean; error: boolean; skipped: boolean }

function evidenceText(f: Finding): string {
  return f.evidence.map((e) => `  ${e.path} = ${e.value} at ${e.file}:${e.line}:${e.column}${e.origin ? ` [${e.origin}]` : ''}${e.note ? ` (${e.note})` : ''}`).join('\n');
}

function findingCase(f: Finding, remediation: string | undefined): Case {
  const c: Case = { classname: f.controlId, name: `${f.resource.id} (${f.resource.file}:${f.resource.line})`, body: '', failure: false, error: false, skipped: false };
  switch (f.status) {
    case 'fail': {
      const text = [
        `${f.controlId} ${f.title} [${f.severity}]`,
        `${typeText(f.resource)} ${f.resource.id}: ${f.message}`,
        `at ${f.location.file}:${f.location.line}:${f.location.column}`,
        ...(remediation ? [`fix: ${remediation}`] : []),
        ...(f.evidence.length ? ['evidence:', evidenceText(f)] : []),
        ...(f.suppression?.expired ? [`suppression expired on ${f.suppression.expires}: ${f.suppression.reason}`] : []),
      ].join('\n');
      c.body = `<failure message="${xmlAttr(f.message)}" type="${xmlAttr(f.severity)}">${xmlText(text)}</failure>`;
      c.failure = true;
      break;
    }
    case 'unknown': {
      const dep = f.dependsOn?.length ? ` (depends on: ${f.dependsOn.join(', ')})` : '';
      c.body = `<skipped message="${xmlAttr(`unknown: ${f.message}${dep}`)}"/>`;
      c.skipped = true;
      break;
    }
    case 'suppressed': {
      const s = f.suppression;
      const why = s ? `${s.reason}${s.expires ? ` (expires ${s.expires})` : ''} [${s.source} at ${s.file}:${s.line}]` : 'suppressed in source';
      c.body = `<skipped message="${xmlAttr(`suppressed: ${why}`)}"/>`;
      c.skipped = true;
      break;
    }
    case 'not_applicable':
      c.body = `<skipped message="${xmlAttr(`not applicable: ${f.message}`)}"/>`;
      c.skipped = true;
      break;
    case 'pass':
      break;
  }
  return c;
}

function suite(name: string, cases: Case[], timestamp: string, indent = '  '): { lines: string[]; tests: number; failures: number; errors: number; skipped: number } {
  const n = { tests: cases.length, failures: cases.filter((c) => c.failure).length, errors: cases.filter((c) => c.error).length, skipped: cases.filter((c) => c.skipped).length };
  const head = `${indent}<testsuite name="${xmlAttr(name)}" tests="${n.tests}" failures="${n.failures}" errors="${n.errors}" skipped="${n.skipped}" time="0" timestamp="${xmlAttr(timestamp.slice(0, 19))}"`;
  if (!cases.length) return { ...n, lines: [`${head}/>`] };
  const body = cases.map((c) => {
    const open = `${indent}  <testcase classname="${xmlAttr(c.classname)}" name="${xmlAttr(c.name)}" time="0"`;
    return c.body ? `${open}>\n${indent}    ${c.body}\n${indent}  </testcase>` : `${open}/>`;
  });
  return { ...n, lines: [`${head}>`, ...body, `${indent}</testsuite>`] };
}

export function* renderJunitChunks(r: Report): Generator<string, void, undefined> {
  const catalog = controlIndex(r);
  const suites = r.domains.map((d) => suite(d.id, r.findings.filter((f) => f.domain === d.id).map((f) => findingCase(f, fixText(catalog.get(f.controlId), f))), r.generatedAt));
  const errorCases: Case[] = r.sources.flatMap((s) => s.errors.map((e): Case => ({
    classname: 'sources',
    name: `${e.file ?? s.file}:${e.line}:${e.column}`,
    body: `<error message="${xmlAttr(e.message)}" type="SourceError">${xmlText(`${e.file ?? s.file}:${e.line}:${e.column}: ${e.message}`)}</error>`,
    failure: false, error: true, skipped: false,
  })));
  if (errorCases.length) suites.push(suite('sources', errorCases, r.generatedAt));
  const t = suites.reduce((a, s) => ({ tests: a.tests + s.tests, failures: a.failures + s.failures, errors: a.errors + s.errors, skipped: a.skipped + s.skipped }), { tests: 0, failures: 0, errors: 0, skipped: 0 });
  yield* joinedLines([
    ['<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="Attest ${xmlAttr(r.tool.version)}" tests="${t.tests}" failures="${t.failures}" errors="${t.errors}" skipped="${t.skipped}" time="0">`],
    ...suites.map((s) => s.lines),
    ['</testsuites>', ''],
  ]);
}

export const renderJunit = (r: Report): string => joinChunks(renderJunitChunks(r));
