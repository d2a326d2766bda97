import { defineControl, evidenceAt, type Outcome } from '../api.js';
import { prop } from '../../model/value.js';
import { statementsOf } from '../lib/policy.js';
import { policyValue } from '../lib/resourcePolicy.js';

export default defineControl({
  id: 'AT-SQS-005',
  title: 'SQS queue policies do not allow every SQS action ("*" or "sqs:*")',
  domain: 'authorization',
  severity: 'medium',
  resourceTypes: ['AWS::SQS::QueuePolicy'],
  rationale: 'Granting "sqs:*" lets the principal delete or purge the queue and rewrite its policy and attributes, not just send or receive messages; a producer or consumer needs a handful of named actions.',
  remediation: 'List the actions each principal needs (sqs:SendMessage, sqs:ReceiveMessage, sqs:DeleteMessage, sqs:GetQueueAttributes, ...) in the Allow statements of PolicyDocument.',
  remediationTerraform: 'In the policy of the aws_sqs_queue_policy, list the actions each principal needs (sqs:SendMessage, sqs:ReceiveMessage, sqs:DeleteMessage, sqs:GetQueueAttributes, ...) in the Allow statements instead of wildcards.',
  references: { trivy: ['AVD-AWS-0097'], guard: ['SQS_QUEUEPOLICY_NO_WILDCARD_ACTION'] },
  evaluate(r) {
    const raw = r.get('PolicyDocument');
    const at = r.locate('PolicyDocument');
    const ev = [r.evidence('PolicyDocument', raw)];
    const doc = policyValue(raw);
    if (doc?.k === 'unknown') return r.unknown('the queue policy is not known statically', doc, at, ev);
    const { statements, unknown } = statementsOf(doc);
    const out: Outcome[] = [];
    statements.forEach((s, i) => {
      const effect = prop(s.value, 'Effect');
      if ((s.effect ?? '').toLowerCase() !== 'allow' && effect?.k !== 'unknown') return;
      const sev = [evidenceAt(`Properties.PolicyDocument.Statement.${i}`, s.value, s.loc)];
      const label = s.sid ? `statement "${s.sid}"` : `statement ${i}`;
      const wild = s.actions.filter((a) => a === '*' || a.toLowerCase() === 'sqs:*');
      if (wild.length && effect?.k === 'unknown') out.push(r.unknown(`${label} allows ${wild.join(', ')} if its Effect, known only at deploy time, is Allow`, effect, s.loc, sev));
      else if (wild.length) out.push(r.fail(`${label} allows ${wild.join(', ')}: every SQS action on the queue`, s.loc, sev));
      else if (s.hasNotAction) out.push(r.fail(`${label} uses Allow with NotAction: every other SQS action is allowed`, s.loc, sev));
      else {
        const u = prop(s.value, 'Action');
        const open = u?.k === 'unknown' ? u : u?.k === 'list' ? u.items.find((x) => x.k === 'unknown') : undefined;
        if (open && open.k === 'unknown') out.push(r.unknown(`${label} allows actions not known statically`, open, s.loc, sev));
      }
    });
    if (out.length) return out;
    if (unknown) return r.unknown('the queue policy is not fully known statically', unknown, unknown.loc, ev);
    return r.pass('every Allow statement names specific SQS actions', at, ev);
  },
});
