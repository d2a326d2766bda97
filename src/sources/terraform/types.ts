// The contract between the readers of Terraform-shaped input (HCL configurations, plan JSON,
// Pulumi AWS Classic state, which follows the Terraform provider's schema) and the
// translators that turn those resources into the CloudFormation vocabulary controls read.
import type { Loc, ObjectValue } from '../../model/types.js';

/**
 * One resource instance as a Terraform-shaped reader produced it.
 *
 * Values follow the provider schema with snake_case keys. Conventions every reader keeps, so
 * one translator serves them all:
 * - A nested block (`rule { … }`) is a list of objects, even when the schema allows one
 *   (plan JSON writes blocks that way); a map attribute (`tags = { … }`) is an object.
 * - A reference to another resource's attribute that is not known before apply
 *   (`aws_kms_key.k.arn`) is `{ k: 'ref', resource: <instance address>, attr: 'arn' }`, the
 *   address being the target's `TfResource.address`, so references survive translation.
 * - Whatever cannot be decided statically (a variable without a value, a data source, a
 *   remote module's output) is `{ k: 'unknown', reason, params }` naming what is missing
 *   (`var.kms_key_id`, `data.aws_iam_policy_document.p`), never a guess.
 * - Every value and every object key carries the location where it is written; `Loc.path`
 *   holds the property path as written in the source format (`rule[0].apply_server_side_encryption_by_default.sse_algorithm`),
 *   so evidence can name the Terraform attribute or the Pulumi property that decides.
 */
export interface TfResource {
  /** Instance address: `aws_s3_bucket.logs`, `module.net.aws_subnet.private[1]`, `aws_iam_role.r["ci"]`. */
  address: string;
  /** Provider resource type, e.g. `aws_s3_bucket`. */
  type: string;
  /** The resource's name label, e.g. `logs`. */
  name: string;
  /** Module path, `''` for the root module, else e.g. `module.net` or `module.a.module.b`. */
  module: string;
  mode: 'managed' | 'data';
  /** File the block is written in (display path). */
  file: string;
  /** Where the resource is declared (the block's type label, or the state entry). */
  loc: Loc;
  /** Arguments and nested blocks, evaluated as far as the input allows. */
  values: ObjectValue;
  /** Instance addresses this resource references (through values or depends_on). */
  refs: Set<string>;
  /**
   * Set when `count`/`for_each` (or a conditional module call) could not be decided: the
   * resource may or may not exist. `params` names what it depends on (`var.create`).
   */
  condition?: { name: string; state: 'unknown'; params: string[] };
  /**
   * Settings outside the provider's arguments that decide whether destroying the resource
   * destroys its data: Terraform's `lifecycle` block (`prevent_destroy`; the HCL reader
   * leaves meta-arguments out of `values`), Pulumi's resource options (`protect`,
   * `retainOnDelete`). Each key is located where written, its `path` the full path as
   * written (`aws_s3_bucket.b.lifecycle.prevent_destroy`, `resources.db.options.protect`).
   * Absent when the input says nothing; a reader that cannot see them (plan JSON does not
   * record `lifecycle`) writes them as unknown.
   */
  lifecycle?: ObjectValue;
  /**
   * The path as the reader's format writes it, when that is not Terraform (a Pulumi
   * property path under the resource's URN), for a Terraform path of `values` (`''`: the
   * resource itself). Absent: the Terraform address and path.
   */
  origin?: (tfPath: string) => string;
}
