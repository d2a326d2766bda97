import type { Loc, Scalar } from '../../model/types.js';

/**
 * A template as written, before intrinsic functions are resolved. Short-form tags
 * (`!Ref X`) are already rewritten to their long form (`{ Ref: X }`), located at the tag.
 */
export type Node = ScalarNode | MapNode | ListNode;
export interface ScalarNode { t: 's'; v: Scalar; loc: Loc }
export interface MapNode { t: 'm'; props: Map<string, Node>; keyLocs: Map<string, Loc>; loc: Loc }
export interface ListNode { t: 'l'; items: Node[]; loc: Loc }

/** The intrinsic functions CloudFormation knows, in long form. */
export const INTRINSICS = new Set([
  'Ref', 'Condition',
  'Fn::Sub', 'Fn::GetAtt', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::If', 'Fn::Equals',
  'Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::FindInMap', 'Fn::ImportValue', 'Fn::Base64',
  'Fn::Cidr', 'Fn::GetAZs', 'Fn::Transform', 'Fn::Length', 'Fn::ToJsonString', 'Fn::ForEach',
]);

/** Short-form YAML tag -> long-form key. */
export const SHORT_TAGS: Record<string, string> = {
  '!Ref': 'Ref', '!Condition': 'Condition', '!Sub': 'Fn::Sub', '!GetAtt': 'Fn::GetAtt',
  '!Join': 'Fn::Join', '!Select': 'Fn::Select', '!Split': 'Fn::Split', '!If': 'Fn::If',
  '!Equals': 'Fn::Equals', '!And': 'Fn::And', '!Or': 'Fn::Or', '!Not': 'Fn::Not',
  '!FindInMap': 'Fn::FindInMap', '!ImportValue': 'Fn::ImportValue', '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr', '!GetAZs': 'Fn::GetAZs', '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length', '!ToJsonString': 'Fn::ToJsonString',
  // Functions of the Rules section (read, not evaluated: rules constrain parameters at deploy time).
  '!Contains': 'Fn::Contains', '!EachMemberEquals': 'Fn::EachMemberEquals', '!EachMemberIn': 'Fn::EachMemberIn',
  '!RefAll': 'Fn::RefAll', '!ValueOf': 'Fn::ValueOf', '!ValueOfAll': 'Fn::ValueOfAll',
};

export function mapNode(loc: Loc): MapNode {
  return { t: 'm', props: new Map(), keyLocs: new Map(), loc };
}

/** If `n` is an intrinsic call (a map with exactly one `Ref`/`Condition`/`Fn::*` key), its name. */
export function intrinsicName(n: Node): string | undefined {
  if (n.t !== 'm' || n.props.size !== 1) return undefined;
  const k = n.props.keys().next().value as string;
  if (k === 'Ref' || k.startsWith('Fn::')) return k;
  // `Condition` is an intrinsic only inside conditions; callers decide.
  return undefined;
}
