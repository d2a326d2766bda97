// The data sources that read only where Terraform runs (aws_caller_identity, aws_partition,
// aws_region) are CloudFormation's pseudo parameters under another name. They evaluate as
// CloudFormation's do: the partition "aws" and its DNS suffix, the account and region as the
// placeholders `${AWS::AccountId}` and `${AWS::Region}` that controls recognise as the
// deploying account and region, or the values given with --param AWS::Region=… and the like.
// Left unknown, every policy naming the account (a KMS key's root statement) would be unknown
// as a whole, since jsonencode of an unknown is unknown.
import type { Loc, Value } from '../../../model/types.js';
import type { Block } from '../hcl/ast.js';
import { object, scalar, unknown } from './values.js';

/** Pseudo parameter (or fixed value) behind each attribute; attributes not listed are unknown. */
const PSEUDO: Record<string, Record<string, { param: string; fallback?: string }>> = {
  aws_caller_identity: { account_id: { param: 'AWS::AccountId' }, id: { param: 'AWS::AccountId' } },
  aws_partition: { partition: { param: 'AWS::Partition', fallback: 'aws' }, id: { param: 'AWS::Partition', fallback: 'aws' }, dns_suffix: { param: 'AWS::URLSuffix', fallback: 'amazonaws.com' } },
  // `name` is the provider v5 attribute, `region` v6's.
  aws_region: { name: { param: 'AWS::Region' }, region: { param: 'AWS::Region' }, id: { param: 'AWS::Region' } },
};

const OTHER_ATTRS: Record<string, string[]> = {
  aws_caller_identity: ['arn', 'user_id'],
  aws_partition: ['reverse_dns_prefix'],
  aws_region: ['description', 'endpoint'],
};

/**
 * The data source as the pseudo parameters it stands for, or undefined when it is not one
 * of them or its block selects something else (an argument such as aws_region's `name`, an
 * aliased provider that may be another account or region, count or for_each).
 */
export function pseudoDataSource(type: string, address: string, block: Block, overrides: Record<string, string>, at: Loc, providerKnown = false): Value | undefined {
  const attrs = PSEUDO[type];
  if (!attrs) return undefined;
  // `provider = aws.x` is read when the caller knows that configuration's region (aws_region only: another configuration may be another account).
  const plain = block.body.items.every((i) => i.kind === 'attr' && (i.name === 'depends_on' || (providerKnown && i.name === 'provider')));
  if (!plain) return undefined;
  const entries: [string, Value][] = Object.entries(attrs).map(([attr, { param, fallback }]) => [attr, scalar(overrides[param] ?? fallback ?? '${' + param + '}', at)]);
  for (const attr of OTHER_ATTRS[type] ?? []) {
    entries.push([attr, unknown(`${address}.${attr} is read from the provider when Terraform runs`, [address], at)]);
  }
  return object(entries, at);
}
