import { defineControl, evidenceAt, type Outcome, type ResourceContext } from '../api.js';
import type { Evidence, Loc, Value } from '../../model/types.js';
import { asList, asString, prop } from '../../model/value.js';
import { keyAt } from '../lib/operations.js';

type Destination = { rule: string; v: Value; at: Loc; region?: string; same?: boolean; why: string; regionHint?: boolean };

export default defineControl({
  id: 'AT-BAK-002',
  title: 'AWS Backup plans copy recovery points to another region',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  rationale: 'Recovery points kept only in the region of the data are lost with it in a regional outage, and are within reach of the same compromised account or region-wide mistake; a copy in another region is what a regional recovery starts from.',
  remediation: 'Add CopyActions to a backup rule with DestinationBackupVaultArn naming a vault in another region (and, for protection from account compromise, another account), with its own Lifecycle.',
  remediationTerraform: 'Add a copy_action block to a rule of the aws_backup_plan with destination_vault_arn naming a vault in another region (and, against account compromise, another account), with its own lifecycle block.',
  references: {},
  evaluate(r): Outcome {
    const path = 'BackupPlan.BackupPlanRule';
    const rulesV = r.get(path);
    const at = r.locate(path);
    if (rulesV && rulesV.k === 'unknown') return r.unknown('the backup rules depend on a deploy-time value', rulesV, at, [r.evidence(path)]);
    const dests: Destination[] = [];
    const ruleEv: Evidence[] = [];
    for (const [i, rule] of (asList(rulesV) ?? []).entries()) {
      const name = asString(prop(rule, 'RuleName')) ?? `rule ${i}`;
      const copies = prop(rule, 'CopyActions');
      ruleEv.push(evidenceAt(`Properties.${path}[${i}].CopyActions`, copies, keyAt(rule, 'CopyActions'), copies ? undefined : `${name}: no copy actions`));
      if (copies && copies.k === 'unknown') return r.unknown(`the copy actions of ${name} depend on a deploy-time value`, copies, copies.loc, ruleEv);
      for (const c of asList(copies) ?? []) {
        const v = prop(c, 'DestinationBackupVaultArn');
        if (v) dests.push({ rule: name, v, at: keyAt(c, 'DestinationBackupVaultArn'), ...regionOf(r, v) });
      }
    }
    const ev = (d: Destination) => evidenceAt(`Properties.${path}.CopyActions.DestinationBackupVaultArn`, d.v, d.at, `${d.rule}: ${d.why}`);
    const other = dests.find((d) => d.same === false);
    if (other) return r.pass(`${other.rule} copies recovery points to ${other.region}, outside the stack's region ${r.region}`, other.at, [ev(other)]);
    const open = dests.find((d) => d.same === undefined);
    if (open) {
      const blocking: Value = open.v.k === 'unknown' ? open.v : open.regionHint === false
        ? { k: 'unknown', reason: open.why, params: [], loc: open.at }
        : { k: 'unknown', reason: `${open.why}; the stack's region is known at deploy time (pass --param AWS::Region=... to decide)`, params: ['AWS::Region'], loc: open.at };
      return r.unknown(`cannot tell whether ${open.rule} copies recovery points out of the stack's region`, blocking, open.at, dests.map(ev));
    }
    if (dests.length) return r.fail(`every copy action stays in the stack's region (${dests.map((d) => d.why).join('; ')}): a regional outage takes the copies with the originals`, dests[0].at, dests.map(ev));
    return r.fail('no backup rule has CopyActions: recovery points exist only in the vault of the stack\'s region', at, ruleEv.length ? ruleEv : [r.evidence(path)]);
  },
});

/** Whether a destination vault is in the stack's region (undefined: not known). */
function regionOf(r: ResourceContext, v: Value): { region?: string; same?: boolean; why: string; regionHint?: boolean } {
  if (v.k === 'ref' || r.graph.target(r.resource, v)) {
    const name = v.k === 'ref' ? v.resource : asString(v);
    // A CloudFormation stack lives in one region; a Terraform configuration (or Pulumi program)
    // places each resource with its own provider, whose region is not read.
    if (r.resource.sourceType) return { why: `the vault ${name} is declared in the same configuration, in a region not known here: the provider it uses sets it, and provider settings are not read`, regionHint: false };
    return { same: true, why: `a vault of this stack (${name}), in its region` };
  }
  if (v.k === 'unknown') return { why: v.reason };
  const s = asString(v) ?? '';
  if (/^arn:[^:]+:backup:\$\{AWS::Region\}:/.test(s)) return { same: true, why: 'the vault ARN uses the stack\'s own region (${AWS::Region})' };
  const m = /^arn:[^:]+:backup:([a-z0-9-]+):/.exec(s);
  if (!m) return { why: `destination ${s} is not a backup vault ARN whose region can be read` };
  if (!r.region) return { region: m[1], why: `the vault is in ${m[1]}` };
  return { region: m[1], same: m[1] === r.region, why: `the vault is in ${m[1]}, the stack in ${r.region}` };
}
