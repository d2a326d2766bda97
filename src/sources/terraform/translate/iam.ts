// IAM: roles, users, groups and their policies. Terraform writes policies as JSON strings
// (`jsonencode(...)`, heredocs, a policy document data source the reader evaluated) that
// become the documents CloudFormation holds inline; a policy not known before apply stays unknown.
// Managed policy attachments and group memberships are resources of their own in
// Terraform; they add to the role, user or group they name, where CloudFormation lists them.
import { jsonDocument, type Attachment, type CfnBuilder, type TfView, type Translator } from './api.js';
import { blockList, located } from './blocks.js';
import { providerDefault } from './defaults.js';

const hasPolicy = (view: TfView): boolean => {
  const p = view.get('policy');
  return p !== undefined && !(p.k === 'scalar' && p.v === '');
};

/** `inline_policy { name, policy }` blocks as CloudFormation's `Policies` list. */
function inlinePolicies(tf: TfView, out: CfnBuilder): void {
  // An empty `inline_policy {}` block tells Terraform to remove every inline policy: it lists
  // none (plan JSON shows it with an empty policy text).
  blockList(tf, out, 'Policies', 'inline_policy', (b, view) => hasPolicy(view) && b.set('PolicyName', 'name').set('PolicyDocument', 'policy', jsonDocument), ['PolicyDocument']);
}

/** Arguments every principal type shares. */
function principal(out: CfnBuilder, nameKey: string): CfnBuilder {
  return out.set(nameKey, 'name').set('Path', 'path').set('PermissionsBoundary', 'permissions_boundary').tags();
}

const role: Translator = {
  tfType: 'aws_iam_role',
  cfnType: 'AWS::IAM::Role',
  build(tf, out) {
    principal(out, 'RoleName')
      .set('AssumeRolePolicyDocument', 'assume_role_policy', jsonDocument)
      .set('MaxSessionDuration', 'max_session_duration')
      .set('ManagedPolicyArns', 'managed_policy_arns')
      .set('Description', 'description');
    inlinePolicies(tf, out);
  },
};

const user: Translator = {
  tfType: 'aws_iam_user',
  cfnType: 'AWS::IAM::User',
  build: (_tf, out) => { principal(out, 'UserName'); },
};

const group: Translator = {
  tfType: 'aws_iam_group',
  cfnType: 'AWS::IAM::Group',
  build: (_tf, out) => { out.set('GroupName', 'name').set('Path', 'path'); },
};

/** `aws_iam_policy` is a customer managed policy. */
const managedPolicy: Translator = {
  tfType: 'aws_iam_policy',
  cfnType: 'AWS::IAM::ManagedPolicy',
  build: (_tf, out) => {
    out.set('ManagedPolicyName', 'name').set('Path', 'path').set('Description', 'description')
      .set('PolicyDocument', 'policy', jsonDocument);
  },
};

/** Inline policies written as resources keep CloudFormation's resource of the same shape (`AWS::IAM::RolePolicy`, ...). */
function inlinePolicy(tfType: string, cfnType: string, ownerArg: string, ownerKey: string): Translator {
  return {
    tfType, cfnType,
    build: (_tf, out) => { out.set(ownerKey, ownerArg).set('PolicyName', 'name').set('PolicyDocument', 'policy', jsonDocument); },
  };
}

const accessKey: Translator = {
  tfType: 'aws_iam_access_key',
  cfnType: 'AWS::IAM::AccessKey',
  // Both default to an Active key; `status` takes CloudFormation's values.
  build: (_tf, out) => { out.set('UserName', 'user').set('Status', 'status'); },
};

/** Add the value of `tfPath` (one value or a list) to the owner's list `cfnPath`, each item located at the argument. */
function appendFrom(tf: TfView, out: CfnBuilder, cfnPath: string, tfPath: string): void {
  const v = tf.get(tfPath);
  if (v === undefined) return;
  const at = tf.locate(tfPath);
  if (v.k !== 'list') out.append(cfnPath, located(v, at), at);
  else v.items.forEach((item, i) => out.append(cfnPath, located(item, tf.locate(`${tfPath}[${i}]`)), at));
}

/** An IAM Access Analyzer analyzer; CloudFormation requires Type, the provider defaults it to ACCOUNT. */
const analyzer: Translator = {
  tfType: 'aws_accessanalyzer_analyzer',
  cfnType: 'AWS::AccessAnalyzer::Analyzer',
  build: (_tf, out) => {
    out.set('AnalyzerName', 'analyzer_name').set('Type', 'type')
      .set('AnalyzerConfiguration.UnusedAccessConfiguration.UnusedAccessAge', 'configuration.unused_access.unused_access_age').tags();
    providerDefault(out, 'Type', 'type', 'ACCOUNT');
  },
};

const byName = (ownerTypes: string[], ownerArg: string | string[]) => ({ ownerTypes, ownerArg, ownerKey: 'name' });

const attachments: Attachment[] = [
  { tfType: 'aws_iam_role_policy_attachment', ...byName(['aws_iam_role'], 'role'), build: (tf, out) => appendFrom(tf, out, 'ManagedPolicyArns', 'policy_arn') },
  { tfType: 'aws_iam_user_policy_attachment', ...byName(['aws_iam_user'], 'user'), build: (tf, out) => appendFrom(tf, out, 'ManagedPolicyArns', 'policy_arn') },
  { tfType: 'aws_iam_group_policy_attachment', ...byName(['aws_iam_group'], 'group'), build: (tf, out) => appendFrom(tf, out, 'ManagedPolicyArns', 'policy_arn') },
  // One policy attached to every role, user and group listed (Terraform manages it exclusively).
  { tfType: 'aws_iam_policy_attachment', ...byName(['aws_iam_role', 'aws_iam_user', 'aws_iam_group'], ['roles', 'users', 'groups']), build: (tf, out) => appendFrom(tf, out, 'ManagedPolicyArns', 'policy_arn') },
  { tfType: 'aws_iam_user_group_membership', ...byName(['aws_iam_user'], 'user'), build: (tf, out) => appendFrom(tf, out, 'Groups', 'groups') },
  // The group's members, each given the group as CloudFormation's User.Groups does.
  { tfType: 'aws_iam_group_membership', ...byName(['aws_iam_user'], 'users'), build: (tf, out) => appendFrom(tf, out, 'Groups', 'group') },
];

export const iam = {
  translators: [
    role, user, group, managedPolicy, accessKey, analyzer,
    inlinePolicy('aws_iam_role_policy', 'AWS::IAM::RolePolicy', 'role', 'RoleName'),
    inlinePolicy('aws_iam_user_policy', 'AWS::IAM::UserPolicy', 'user', 'UserName'),
    inlinePolicy('aws_iam_group_policy', 'AWS::IAM::GroupPolicy', 'group', 'GroupName'),
  ],
  attachments,
};
