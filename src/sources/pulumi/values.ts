// Pulumi property values in the vocabularies the translators and controls read.
//
// AWS Classic properties are the Terraform provider's arguments renamed by the bridge:
// camelCase instead of snake_case, a block the schema allows once written as an object, a
// repeatable block under a plural name (`rule` -> `rules`). The conversion undoes that
// without the provider schema: keys to snake_case, objects that are blocks wrapped in a
// one-element list, lists of blocks back to their singular name (with a table of the
// blocks Terraform itself names in the plural). Objects whose keys are data (tags, maps)
// keep their keys. The origin of every converted key is kept, so evidence names the
// Pulumi property the user wrote. AWS Native properties are CloudFormation's with the
// first letter lower-cased (and acronyms lower-cased, for which a table is needed).
import type { Loc, ObjectValue, Value } from '../../model/types.js';
import { snake } from './tokens.js';

/** Map-typed arguments (`tags = { … }`): their keys are data, never renamed. */
const MAP_NAMES = new Set([
  'tags', 'tagsAll', 'variables', 'parameters', 'dimensions', 'stageVariables', 'requestParameters', 'requestTemplates',
  'responseParameters', 'responseTemplates', 'responseModels', 'requestModels', 'advancedOptions', 'labels',
  'defaultArguments', 'nonOverridableArguments', 'environmentVariables', 'connectionProperties', 'outputs', 'volumeTags',
]);

/** Repeatable blocks Terraform names in the plural, so the plural is not undone (`<type>:<path>`). */
const PLURAL_BLOCKS = new Set([
  'aws_s3_bucket:replication_configuration.rules',
  'aws_s3_bucket:replication_configuration.rules.destination.metrics',
  'aws_elasticsearch_domain:log_publishing_options',
  'aws_opensearch_domain:log_publishing_options',
  'aws_launch_template:block_device_mappings',
  'aws_launch_template:tag_specifications',
  'aws_launch_template:network_interfaces',
  'aws_launch_template:license_specifications',
  'aws_config_configuration_recorder:recording_group.exclusion_by_resource_types',
]);

/** Arguments the bridge renames beyond camelCase (Pulumi name -> Terraform argument), per Terraform type. */
const RENAMED: Record<string, Record<string, string>> = {
  aws_lambda_function: { code: 'filename' },
  aws_cloudwatch_log_subscription_filter: { logGroup: 'log_group_name' },
};
for (const t of ['integration', 'integration_response', 'method', 'method_response', 'model', 'request_validator', 'resource', 'stage', 'deployment', 'authorizer', 'gateway_response', 'rest_api_policy']) {
  RENAMED[`aws_api_gateway_${t}`] = { restApi: 'rest_api_id', ...(t === 'stage' ? { deployment: 'deployment_id' } : {}) };
}

/** An object whose keys are data (a map, a JSON document) rather than property names. */
export function isDataObject(key: string, v: ObjectValue): boolean {
  if (MAP_NAMES.has(key)) return true;
  for (const k of v.props.keys()) if (!/^[a-z][a-zA-Z0-9]*$/.test(k)) return true;
  return false;
}

/** `rules` -> `rule`, `policies` -> `policy`, `indexes` -> `index`; `ingress` stays. */
export function singular(name: string): string {
  if (/ies$/.test(name)) return name.slice(0, -3) + 'y';
  if (/(sses|xes|ches|shes)$/.test(name)) return name.slice(0, -2);
  if (/[^s]s$/.test(name)) return name.slice(0, -1);
  return name;
}

export interface Classic {
  values: ObjectValue;
  /** The Pulumi property path of a Terraform attribute path of `values` (`rule[0].x` -> `rules[0].x`). */
  written(tfPath: string): string;
}

/** AWS Classic properties as the Terraform arguments of `tfType`. */
export function classicValues(tfType: string, props: ObjectValue): Classic {
  const names = new WeakMap<Value, Map<string, string>>();
  const wrapped = new WeakSet<Value>();
  const renamed = new Map(Object.entries(Object.hasOwn(RENAMED, tfType) ? RENAMED[tfType]! : {}));
  const block = (o: ObjectValue, at: string): ObjectValue => {
    const out: ObjectValue = { k: 'object', props: new Map(), keyLocs: new Map(), loc: o.loc };
    const written = new Map<string, string>();
    for (const [pk, v] of o.props) {
      // The bridge's bookkeeping (`__defaults`, `__meta`), not arguments.
      if (pk.startsWith('__')) continue;
      let tk = (at === '' && renamed.get(pk)) || snake(pk);
      let cv: Value = v;
      if (v.k === 'object' && !isDataObject(pk, v)) {
        cv = { k: 'list', items: [block(v, join(at, tk))], loc: v.loc };
        wrapped.add(cv);
      } else if (v.k === 'list' && v.items.some((i) => i.k === 'object')) {
        if (!PLURAL_BLOCKS.has(`${tfType}:${join(at, tk)}`)) tk = singular(tk);
        const here = join(at, tk);
        cv = { ...v, items: v.items.map((i) => (i.k === 'object' && !isDataObject('', i) ? block(i, here) : i)) };
      }
      out.props.set(tk, cv);
      out.keyLocs.set(tk, o.keyLocs.get(pk) ?? v.loc);
      written.set(tk, pk);
    }
    names.set(out, written);
    return out;
  };
  const values = block(props, '');
  const written = (tfPath: string): string => {
    let cur: Value | undefined = values;
    let out = '';
    for (const m of tfPath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
      if (m[1] !== undefined) {
        const pk: string = (cur && names.get(cur)?.get(m[1])) ?? m[1];
        out += out ? `.${pk}` : pk;
        cur = cur?.k === 'object' ? cur.props.get(m[1]) : undefined;
      } else {
        const i = Number(m[2]);
        if (!(cur && wrapped.has(cur))) out += `[${i}]`;
        cur = cur?.k === 'list' ? cur.items[i] : undefined;
      }
    }
    return out;
  };
  return { values, written };
}

function join(a: string, b: string): string {
  return a ? `${a}.${b}` : b;
}

/**
 * CloudFormation names AWS Native writes with acronyms lower-cased, by lower-cased name:
 * the same everywhere, except the few whose casing differs between types.
 */
const NATIVE_NAMES = lowerMap([
  'AllowedOAuthFlows', 'AllowedOAuthFlowsUserPoolClient', 'AllowedOAuthScopes', 'DBClusterIdentifier', 'DBClusterParameterGroupName',
  'DBInstanceClass', 'DBInstanceIdentifier', 'DBName', 'DBParameterGroupName', 'DBSnapshotIdentifier', 'DBSubnetGroupName',
  'EBSEnabled', 'EBSOptions', 'EnableECSManagedTags', 'EnableIAMDatabaseAuthentication', 'EnforceHTTPS', 'HTTPPort', 'HTTPSPort',
  'MultiAZ', 'OKActions', 'OriginSSLProtocols', 'PerformanceInsightsKMSKeyId', 'ProviderARNs', 'RequireTLS', 'SSEAlgorithm',
  'SSEEnabled', 'SSESpecification', 'SSEType', 'SourceDBInstanceIdentifier', 'TLSSecurityPolicy', 'TargetGroupARNs',
  'VPCOptions', 'VPCSecurityGroups', 'VPCZoneIdentifier', 'WebACLArn', 'WebACLId',
]);
const NATIVE_NAMES_BY_TYPE: Record<string, Map<string, string>> = {
  'AWS::S3::Bucket': lowerMap(['KMSMasterKeyID']),
  'AWS::DynamoDB::Table': lowerMap(['KMSMasterKeyId']),
  'AWS::DynamoDB::GlobalTable': lowerMap(['KMSMasterKeyId']),
  'AWS::CloudTrail::Trail': lowerMap(['KMSKeyId']),
};

function lowerMap(names: string[]): Map<string, string> {
  return new Map(names.map((n) => [n.toLowerCase(), n]));
}

/**
 * AWS Native properties in CloudFormation's names, each key located where it is written
 * with its Pulumi path (`origin` + path) for evidence.
 */
export function nativeProperties(cfnType: string, props: ObjectValue, origin: string): ObjectValue {
  const byType = Object.hasOwn(NATIVE_NAMES_BY_TYPE, cfnType) ? NATIVE_NAMES_BY_TYPE[cfnType] : undefined;
  const name = (pk: string) => byType?.get(pk.toLowerCase()) ?? NATIVE_NAMES.get(pk.toLowerCase()) ?? pk.charAt(0).toUpperCase() + pk.slice(1);
  const convert = (v: Value, key: string, path: string): Value => {
    if (v.k === 'object') return isDataObject(key, v) ? v : obj(v, path);
    if (v.k === 'list') return { ...v, items: v.items.map((i, n) => convert(i, '', `${path}[${n}]`)) };
    return v;
  };
  const obj = (o: ObjectValue, path: string): ObjectValue => {
    const out: ObjectValue = { k: 'object', props: new Map(), keyLocs: new Map(), loc: o.loc };
    for (const [pk, v] of o.props) {
      if (pk.startsWith('__')) continue;
      const here = path ? `${path}.${pk}` : pk;
      const ck = name(pk);
      out.props.set(ck, convert(v, pk, here));
      const at: Loc = o.keyLocs.get(pk) ?? v.loc;
      out.keyLocs.set(ck, { ...at, path: `${origin}.${here}` });
    }
    return out;
  };
  return obj(props, '');
}
