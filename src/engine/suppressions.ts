import type { Loc, Resource, SourceError, Suppression, Value } from '../model/types.js';
import { asString, prop } from '../model/value.js';
import type { Control } from '../controls/api.js';

interface Entry extends Suppression {
  /** Ids as written (Attest id, Checkov id, cfn_nag id or guard rule name). */
  ids: string[];
}

/**
 * Suppressions written in a resource's Metadata, in Attest's own form and in the forms
 * teams already use:
 *   attest:  { suppress: [ { id: AT-S3-001, reason: "...", expires: 2027-01-31 } ] }
 *   checkov: { skip: [ { id: CKV_AWS_18, comment: "..." } ] }
 *   cfn_nag: { rules_to_suppress: [ { id: W35, reason: "..." } ] }
 *   guard:   { SuppressedRules: [ S3_BUCKET_LOGGING_ENABLED ] }
 *   trivy / tfsec: { ignore: [ { id: AVD-AWS-0089, expires: 2027-01-31 } ] } (from Terraform comments)
 * Malformed entries become source errors (a suppression without a reason must not silently work).
 */
export function readSuppressions(r: Resource, errors: SourceError[]): Entry[] {
  const md = r.metadata;
  if (!md) return [];
  const out: Entry[] = [];
  const err = (loc: Loc, message: string) => errors.push({ file: loc.file, line: loc.line, column: loc.column, message: `${r.id}: ${message}` });
  const list = (v: Value | undefined) => (v && v.k === 'list' ? v.items : v ? [v] : []);
  const at = (v: Value) => ({ file: v.loc.file, line: v.loc.line, column: v.loc.column });

  for (const item of list(prop(prop(md, 'attest'), 'suppress'))) {
    const id = asString(prop(item, 'id'));
    const reason = asString(prop(item, 'reason'));
    const expires = asString(prop(item, 'expires'));
    if (!id) { err(item.loc, 'Metadata.attest.suppress entry needs an id (a control id such as AT-S3-001)'); continue; }
    if (!reason || !reason.trim()) { err(item.loc, `suppression of ${id} needs a reason; it is ignored until one is given`); continue; }
    if (expires !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(expires)) { err(item.loc, `suppression of ${id} has expires ${JSON.stringify(expires)}; use a date such as 2027-01-31`); continue; }
    out.push({ source: 'attest', ids: [id], reason, ...(expires ? { expires: expires.slice(0, 10) } : {}), ...at(item) });
  }
  for (const item of list(prop(prop(md, 'checkov'), 'skip'))) {
    const id = asString(prop(item, 'id'));
    if (id) out.push({ source: 'checkov', ids: [id], reason: asString(prop(item, 'comment')) ?? '(no comment given in checkov.skip)', ...at(item) });
  }
  for (const item of list(prop(prop(md, 'cfn_nag'), 'rules_to_suppress'))) {
    const id = asString(prop(item, 'id'));
    if (id) out.push({ source: 'cfn_nag', ids: [id], reason: asString(prop(item, 'reason')) ?? '(no reason given in cfn_nag.rules_to_suppress)', ...at(item) });
  }
  // guard.SuppressedRules: rule names, or `RULE: reason` entries
  for (const item of list(prop(prop(md, 'guard'), 'SuppressedRules'))) {
    const name = asString(item);
    if (name) out.push({ source: 'guard', ids: [name], reason: '(listed in guard.SuppressedRules)', ...at(item) });
    else if (item.k === 'object') {
      for (const [rule, why] of item.props) out.push({ source: 'guard', ids: [rule], reason: asString(why) ?? '(listed in guard.SuppressedRules)', ...at(item) });
    }
  }
  // trivy.ignore / tfsec.ignore (written as `#trivy:ignore:AVD-AWS-0089` comments in Terraform): AVD ids, optional expiry.
  for (const tool of ['trivy', 'tfsec'] as const) {
    for (const item of list(prop(prop(md, tool), 'ignore'))) {
      const id = asString(prop(item, 'id'));
      const expires = asString(prop(item, 'expires'));
      if (!id) continue;
      if (expires !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(expires)) { err(item.loc, `${tool}:ignore of ${asString(prop(item, 'written')) ?? id} has expiry ${JSON.stringify(expires)}; use a date such as 2027-01-31`); continue; }
      out.push({ source: tool, ids: [id], reason: `(no reason given in the ${tool}:ignore comment)`, ...(expires ? { expires: expires.slice(0, 10) } : {}), ...at(item) });
    }
  }
  return out;
}

/** The suppression that applies to a control, if any, matched by Attest id or the control's references. */
export function suppressionFor(entries: Entry[], c: Control): Entry | undefined {
  for (const e of entries) {
    const ids = e.source === 'attest' ? [c.id] : e.source === 'checkov' ? c.references.checkov ?? [] : e.source === 'cfn_nag' ? c.references.cfn_nag ?? []
      : e.source === 'trivy' || e.source === 'tfsec' ? c.references.trivy ?? [] : c.references.guard ?? [];
    if (e.ids.some((i) => ids.includes(i))) return e;
  }
  return undefined;
}
