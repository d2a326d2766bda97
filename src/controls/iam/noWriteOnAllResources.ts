import { defineControl } from '../api.js';
import { describe, IDENTITY_POLICY_TYPES, judgeStatements, unknownIn } from '../lib/identity.js';

/** Verbs that only read. Anything else (Put, Create, Delete, Attach, Pass, Update, *, ...) may change state or permissions. */
const READ_VERB = /^(Get|List|Describe|Search|Lookup|Query|Scan|BatchGet|BatchCheck|Select|View|Head)/i;

/** Write actions that IAM only accepts with Resource "*" (no resource-level permissions exist). */
const STAR_ONLY = new Set([
  'xray:puttracesegments', 'xray:puttelemetryrecords', 'cloudwatch:putmetricdata',
  'ec2:createnetworkinterface', 'ec2:deletenetworkinterface', 'ec2:assignprivateipaddresses', 'ec2:unassignprivateipaddresses',
  'logs:createlogdelivery', 'logs:getlogdelivery', 'logs:updatelogdelivery', 'logs:deletelogdelivery', 'logs:listlogdeliveries',
  'logs:putresourcepolicy', 'logs:describeresourcepolicies',
]);

function isWrite(action: string): boolean {
  if (STAR_ONLY.has(action.toLowerCase())) return false;
  const i = action.indexOf(':');
  if (i < 0) return true; // "*"
  return !READ_VERB.test(action.slice(i + 1));
}

export default defineControl({
  id: 'AT-IAM-003',
  title: 'IAM policies scope write and permission-management actions to specific resources',
  domain: 'iam',
  severity: 'medium',
  resourceTypes: IDENTITY_POLICY_TYPES,
  rationale: 'Allowing actions that create, modify, delete or re-permission resources on Resource "*" extends them to every resource of that service in the account, including ones created later by other teams.',
  remediation: 'Name the resource ARNs (or ARN patterns bounded by a prefix, such as arn:aws:s3:::my-app-*/*) in Resource for every non-read action. Actions that only support "*" (such as xray:PutTraceSegments) are accepted.',
  remediationTerraform: 'In the policy of the aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy or aws_iam_group_policy (its JSON, or resources of the aws_iam_policy_document statement that builds it), name the resource ARNs, or ARN patterns bounded by a prefix such as arn:aws:s3:::my-app-*/*, for every non-read action. Actions that only support "*" (such as xray:PutTraceSegments) are accepted.',
  references: { cfn_nag: ['W11', 'W12', 'W13'], trivy: ['AVD-AWS-0057'], cdk_nag: ['AwsSolutions-IAM5'] },
  evaluate(r) {
    return judgeStatements(r, {
      kinds: ['identity'],
      none: 'declares no inline permission policy',
      pass: 'write and permission-management actions are limited to named resources',
      test: (s) => {
        const writes = s.actions.filter(isWrite);
        if (writes.length && s.resources.includes('*')) {
          return { fail: `${describe(s)} allows ${writes.slice(0, 4).map((w) => `"${w}"`).join(', ')}${writes.length > 4 ? ', …' : ''} on Resource "*"` };
        }
        const ua = unknownIn(s, 'Action');
        const ur = unknownIn(s, 'Resource');
        if ((writes.length && ur) || (ua && (s.resources.includes('*') || ur))) {
          return { unknown: (writes.length ? ur : ua) ?? ua!, message: `${describe(s)} may allow write actions on all resources, depending on a value known at deploy time` };
        }
        return undefined;
      },
    });
  },
});
