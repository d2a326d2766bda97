// The edge: load balancers and listeners, CloudFront, WAF and API Gateway. Terraform sets as
// arguments what CloudFormation keeps as a load balancer's key/value attributes, and writes
// method settings of an API stage as a resource of their own.
import type { Loc, Value } from '../../../model/types.js';
import { asString } from '../../../model/value.js';
import { boolTo, CfnBuilder, jsonDocument, mapScalar, type Attachment, type TfView, type Translator } from './api.js';
import { blockBuilder, blockList, hasBlock, located, nested, wholeResource } from './blocks.js';
import { providerDefault } from './defaults.js';

/** A Terraform boolean as the "true"/"false" text CloudFormation's attribute values hold. */
const text = (v: Value) => mapScalar(v, (s) => (typeof s === 'boolean' ? String(s) : s));

/** aws_lb arguments and the LoadBalancerAttributes key each one sets. */
const LB_ATTRIBUTES: [string, string][] = [
  ['drop_invalid_header_fields', 'routing.http.drop_invalid_header_fields.enabled'],
  ['enable_deletion_protection', 'deletion_protection.enabled'],
  // access_logs.enabled defaults to false even with a bucket (as the attribute does): left out when not written.
  ['access_logs.enabled', 'access_logs.s3.enabled'],
  ['access_logs.bucket', 'access_logs.s3.bucket'],
  ['access_logs.prefix', 'access_logs.s3.prefix'],
  ['connection_logs.enabled', 'connection_logs.s3.enabled'],
  ['idle_timeout', 'idle_timeout.timeout_seconds'],
  ['enable_http2', 'routing.http2.enabled'],
  ['enable_cross_zone_load_balancing', 'load_balancing.cross_zone.enabled'],
  ['desync_mitigation_mode', 'routing.http.desync_mitigation_mode'],
  ['enable_waf_fail_open', 'waf.fail_open.enabled'],
  ['preserve_host_header', 'routing.http.preserve_host_header.enabled'],
];

function attributes(tf: TfView, out: CfnBuilder): void {
  const items: Value[] = [];
  const item = (key: string, v: Value, at: Loc) => items.push({
    k: 'object', loc: at,
    props: new Map<string, Value>([['Key', { k: 'scalar', v: key, loc: at }], ['Value', located(text(v), at)]]),
    keyLocs: new Map([['Key', at], ['Value', at]]),
  });
  for (const [arg, key] of LB_ATTRIBUTES) {
    const v = tf.get(arg);
    if (v !== undefined) item(key, v, tf.locate(arg));
    // An access_logs block without `enabled` is sent as disabled: the block is where logging is left off.
    else if (arg === 'access_logs.enabled' && hasBlock(tf, 'access_logs')) item(key, { k: 'scalar', v: false, loc: tf.locate('access_logs') }, tf.locate('access_logs'));
  }
  // The arguments are the load balancer's own: one it leaves out is reported at the resource,
  // not at whichever argument happened to come first.
  if (items.length) out.put('LoadBalancerAttributes', { k: 'list', items, loc: tf.resource.loc }, tf.resource.loc);
}

function loadBalancer(tfType: string): Translator {
  return {
    tfType,
    cfnType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    build(tf, out) {
      // `internal` defaults to false: internet-facing, as Scheme defaults to.
      out.set('Name', 'name').set('Type', 'load_balancer_type').set('Scheme', 'internal', boolTo('internal', 'internet-facing'))
        .set('Subnets', 'subnets').set('SecurityGroups', 'security_groups').set('IpAddressType', 'ip_address_type').tags();
      attributes(tf, out);
    },
  };
}

/** An action block (`default_action`, a rule's `action`) as CloudFormation's Action. */
function action(b: CfnBuilder): CfnBuilder {
  return b.set('Type', 'type').set('Order', 'order').set('TargetGroupArn', 'target_group_arn')
    .set('RedirectConfig.Protocol', 'redirect.protocol').set('RedirectConfig.Port', 'redirect.port').set('RedirectConfig.Host', 'redirect.host')
    .set('RedirectConfig.Path', 'redirect.path').set('RedirectConfig.Query', 'redirect.query').set('RedirectConfig.StatusCode', 'redirect.status_code')
    .set('FixedResponseConfig.StatusCode', 'fixed_response.status_code').set('FixedResponseConfig.ContentType', 'fixed_response.content_type')
    .set('FixedResponseConfig.MessageBody', 'fixed_response.message_body')
    .set('AuthenticateCognitoConfig.UserPoolArn', 'authenticate_cognito.user_pool_arn')
    .set('AuthenticateOidcConfig.Issuer', 'authenticate_oidc.issuer');
}

function listener(tfType: string): Translator {
  return {
    tfType,
    cfnType: 'AWS::ElasticLoadBalancingV2::Listener',
    build(tf, out) {
      out.set('LoadBalancerArn', 'load_balancer_arn').set('Port', 'port').set('Protocol', 'protocol').set('SslPolicy', 'ssl_policy');
      // Without `protocol`, a listener with a port is HTTP (an application load balancer's
      // default; a network load balancer needs one written). Gateway listeners have neither.
      if (tf.get('protocol') === undefined && tf.get('port') !== undefined) out.put('Protocol', { k: 'scalar', v: 'HTTP', loc: tf.resource.loc }, tf.resource.loc);
      const cert = tf.get('certificate_arn');
      if (cert) {
        const at = tf.locate('certificate_arn');
        out.put('Certificates', { k: 'list', loc: at, items: [{ k: 'object', loc: at, props: new Map([['CertificateArn', located(cert, at)]]), keyLocs: new Map([['CertificateArn', at]]) }] }, at);
      }
      blockList(tf, out, 'DefaultActions', 'default_action', action, ['Type']);
    },
  };
}

function listenerRule(tfType: string): Translator {
  return {
    tfType,
    cfnType: 'AWS::ElasticLoadBalancingV2::ListenerRule',
    build(tf, out) {
      out.set('ListenerArn', 'listener_arn').set('Priority', 'priority');
      blockList(tf, out, 'Actions', 'action', action, ['Type']);
    },
  };
}

const classicLoadBalancer: Translator = {
  tfType: 'aws_elb',
  cfnType: 'AWS::ElasticLoadBalancing::LoadBalancer',
  build(tf, out) {
    out.set('LoadBalancerName', 'name').set('Scheme', 'internal', boolTo('internal', 'internet-facing'))
      .set('Subnets', 'subnets').set('SecurityGroups', 'security_groups').set('CrossZone', 'cross_zone_load_balancing').tags()
      .set('ConnectionDrainingPolicy.Enabled', 'connection_draining').set('ConnectionDrainingPolicy.Timeout', 'connection_draining_timeout')
      .set('AvailabilityZones', 'availability_zones', (v) => (v.k === 'list' && v.items.length === 0 ? undefined : v));
    providerDefault(out, 'CrossZone', 'cross_zone_load_balancing', true); // the provider enables it, CloudFormation does not
    blockList(tf, out, 'Listeners', 'listener', (b) => b.set('LoadBalancerPort', 'lb_port').set('Protocol', 'lb_protocol')
      .set('InstancePort', 'instance_port').set('InstanceProtocol', 'instance_protocol').set('SSLCertificateId', 'ssl_certificate_id'), ['Protocol']);
    if (!hasBlock(tf, 'access_logs')) return;
    out.set('AccessLoggingPolicy.S3BucketName', 'access_logs.bucket').set('AccessLoggingPolicy.S3BucketPrefix', 'access_logs.bucket_prefix')
      .set('AccessLoggingPolicy.EmitInterval', 'access_logs.interval').set('AccessLoggingPolicy.Enabled', 'access_logs.enabled');
    // The classic load balancer's access_logs block is enabled unless it says otherwise.
    if (tf.get('access_logs.enabled') === undefined) {
      const at = tf.locate('access_logs');
      out.put('AccessLoggingPolicy.Enabled', { k: 'scalar', v: true, loc: at }, at);
    }
  },
};

/** An S3 bucket's domain name attributes as CloudFormation's GetAtt names them, so an origin is known to be S3. */
function bucketDomain(v: Value): Value {
  if (v.k !== 'ref') return v;
  const attr = v.attr === 'bucket_regional_domain_name' ? 'RegionalDomainName' : v.attr === 'bucket_domain_name' ? 'DomainName' : v.attr === 'website_endpoint' ? 'WebsiteURL' : v.attr;
  return { ...v, ...(attr ? { attr } : {}) };
}

/** A cache behaviour block (default or ordered). */
function behaviour(b: CfnBuilder): CfnBuilder {
  return b.set('PathPattern', 'path_pattern').set('TargetOriginId', 'target_origin_id').set('ViewerProtocolPolicy', 'viewer_protocol_policy')
    .set('AllowedMethods', 'allowed_methods').set('CachedMethods', 'cached_methods').set('Compress', 'compress')
    .set('CachePolicyId', 'cache_policy_id').set('OriginRequestPolicyId', 'origin_request_policy_id')
    .set('ResponseHeadersPolicyId', 'response_headers_policy_id').set('FieldLevelEncryptionId', 'field_level_encryption_id');
}

const distribution: Translator = {
  tfType: 'aws_cloudfront_distribution',
  cfnType: 'AWS::CloudFront::Distribution',
  build(tf, out) {
    const d = 'DistributionConfig';
    wholeResource(tf, out, d);
    nested(tf, out, `${d}.ViewerCertificate`, 'viewer_certificate');
    nested(tf, out, `${d}.Logging`, 'logging_config');
    out.set(`${d}.Enabled`, 'enabled').set(`${d}.Aliases`, 'aliases').set(`${d}.Comment`, 'comment')
      .set(`${d}.DefaultRootObject`, 'default_root_object').set(`${d}.PriceClass`, 'price_class').set(`${d}.HttpVersion`, 'http_version')
      .set(`${d}.IPV6Enabled`, 'is_ipv6_enabled').set(`${d}.WebACLId`, 'web_acl_id')
      .set(`${d}.Logging.Bucket`, 'logging_config.bucket').set(`${d}.Logging.Prefix`, 'logging_config.prefix')
      .set(`${d}.Logging.IncludeCookies`, 'logging_config.include_cookies')
      .set(`${d}.ViewerCertificate.CloudFrontDefaultCertificate`, 'viewer_certificate.cloudfront_default_certificate')
      .set(`${d}.ViewerCertificate.AcmCertificateArn`, 'viewer_certificate.acm_certificate_arn')
      .set(`${d}.ViewerCertificate.IamCertificateId`, 'viewer_certificate.iam_certificate_id')
      .set(`${d}.ViewerCertificate.MinimumProtocolVersion`, 'viewer_certificate.minimum_protocol_version')
      .set(`${d}.ViewerCertificate.SslSupportMethod`, 'viewer_certificate.ssl_support_method')
      .tags();
    blockList(tf, out, `${d}.Origins`, 'origin', (b) => b.set('DomainName', 'domain_name', bucketDomain).set('Id', 'origin_id').set('OriginPath', 'origin_path')
      .set('OriginAccessControlId', 'origin_access_control_id')
      .set('S3OriginConfig.OriginAccessIdentity', 's3_origin_config.origin_access_identity')
      .set('CustomOriginConfig.HTTPPort', 'custom_origin_config.http_port').set('CustomOriginConfig.HTTPSPort', 'custom_origin_config.https_port')
      .set('CustomOriginConfig.OriginProtocolPolicy', 'custom_origin_config.origin_protocol_policy')
      .set('CustomOriginConfig.OriginSSLProtocols', 'custom_origin_config.origin_ssl_protocols'), ['CustomOriginConfig.OriginProtocolPolicy']);
    blockList(tf, out, `${d}.OriginGroups.Items`, 'origin_group', (b) => b.set('Id', 'origin_id'), ['Id']);
    const def = tf.blocks('default_cache_behavior')[0];
    if (def) { const at = tf.locate('default_cache_behavior'); out.put(`${d}.DefaultCacheBehavior`, behaviour(blockBuilder(def)).properties, at); }
    blockList(tf, out, `${d}.CacheBehaviors`, 'ordered_cache_behavior', behaviour, ['ViewerProtocolPolicy']);
  },
};

/** `allow {}` / `block {}` / `count {}` blocks as CloudFormation's `{Allow: {}}`. */
function wafAction(tf: TfView, out: CfnBuilder, cfnPath: string, tfPath: string): void {
  for (const [arg, key] of [['allow', 'Allow'], ['block', 'Block'], ['count', 'Count'], ['captcha', 'Captcha'], ['challenge', 'Challenge'], ['none', 'None']]) {
    const p = tfPath ? `${tfPath}.${arg}` : arg;
    // Plan JSON writes the actions not chosen as empty blocks.
    const v = tf.get(p);
    if (v === undefined || (v.k === 'list' && v.items.length === 0)) continue;
    const at = tf.locate(p);
    out.put(`${cfnPath}.${key}`, { k: 'object', props: new Map(), keyLocs: new Map(), loc: at }, at);
  }
}

/**
 * A rule's statement, as far as the controls read it: which managed rule group it applies,
 * whether it limits the request rate, which rule group it references. Other statements
 * (matches on request content) keep their kind only, named as CloudFormation names them.
 */
function wafStatement(rule: TfView, out: CfnBuilder): void {
  const s = 'statement';
  if (!hasBlock(rule, s)) return;
  const at = rule.locate(s);
  const m = `${s}.managed_rule_group_statement`;
  if (hasBlock(rule, m)) {
    out.put('Statement.ManagedRuleGroupStatement', { k: 'object', props: new Map(), keyLocs: new Map(), loc: rule.locate(m) }, rule.locate(m));
    out.set('Statement.ManagedRuleGroupStatement.Name', `${m}.name`).set('Statement.ManagedRuleGroupStatement.VendorName', `${m}.vendor_name`);
    return;
  }
  const rate = `${s}.rate_based_statement`;
  if (hasBlock(rule, rate)) {
    out.put('Statement.RateBasedStatement', { k: 'object', props: new Map(), keyLocs: new Map(), loc: rule.locate(rate) }, rule.locate(rate));
    // aggregate_key_type is left out when not written (the provider's default is IP).
    out.set('Statement.RateBasedStatement.Limit', `${rate}.limit`).set('Statement.RateBasedStatement.AggregateKeyType', `${rate}.aggregate_key_type`);
    return;
  }
  const ref = `${s}.rule_group_reference_statement`;
  if (hasBlock(rule, ref)) {
    out.put('Statement.RuleGroupReferenceStatement', { k: 'object', props: new Map(), keyLocs: new Map(), loc: rule.locate(ref) }, rule.locate(ref));
    out.set('Statement.RuleGroupReferenceStatement.Arn', `${ref}.arn`);
    return;
  }
  const v = rule.get(s);
  const block = v?.k === 'list' ? v.items[0] : v;
  if (block?.k === 'unknown') { out.put('Statement', block, at); return; }
  const props = new Map<string, Value>();
  const keyLocs = new Map<string, Loc>();
  if (block?.k === 'object') {
    for (const key of block.props.keys()) {
      const name = key.replace(/(^|_)([a-z])/g, (_x, _u, c: string) => c.toUpperCase()).replace(/^IpSet/, 'IPSet');
      props.set(name, { k: 'object', props: new Map(), keyLocs: new Map(), loc: rule.locate(`${s}.${key}`) });
      keyLocs.set(name, rule.locate(`${s}.${key}`));
    }
  }
  out.put('Statement', { k: 'object', props, keyLocs, loc: at }, at);
}

/** The `rule` blocks of a web ACL or rule group as CloudFormation's Rules. */
function wafRuleList(tf: TfView, out: CfnBuilder): void {
  // `rule_json` is the WAF API's own JSON, in CloudFormation's casing.
  if (tf.get('rule_json') !== undefined) { out.set('Rules', 'rule_json', jsonDocument); return; }
  blockList(tf, out, 'Rules', 'rule', (b, view) => {
    b.set('Name', 'name').set('Priority', 'priority');
    if (hasBlock(view, 'action')) wafAction(view, b, 'Action', 'action');
    if (hasBlock(view, 'override_action')) wafAction(view, b, 'OverrideAction', 'override_action');
    wafStatement(view, b);
  });
  // Rules that are all dynamic blocks over a collection not known before apply may be none.
  const rules = out.properties.props.get('Rules');
  if (rules?.k === 'list' && rules.items.length && rules.items.every((x) => x.k === 'unknown')) out.put('Rules', rules.items[0]!, tf.locate('rule'));
}

const webAcl: Translator = {
  tfType: 'aws_wafv2_web_acl',
  cfnType: 'AWS::WAFv2::WebACL',
  build(tf, out) {
    out.set('Name', 'name').set('Scope', 'scope').set('Description', 'description').tags();
    wafAction(tf, out, 'DefaultAction', 'default_action');
    wafRuleList(tf, out);
  },
};

const ruleGroup: Translator = {
  tfType: 'aws_wafv2_rule_group',
  cfnType: 'AWS::WAFv2::RuleGroup',
  build(tf, out) {
    out.set('Name', 'name').set('Scope', 'scope').set('Capacity', 'capacity').set('Description', 'description').tags();
    wafRuleList(tf, out);
  },
};

const webAclAssociation: Translator = {
  tfType: 'aws_wafv2_web_acl_association',
  cfnType: 'AWS::WAFv2::WebACLAssociation',
  build: (_tf, out) => { out.set('ResourceArn', 'resource_arn').set('WebACLArn', 'web_acl_arn'); },
};

/** A web ACL's logging, a resource of its own in both formats. */
const webAclLogging: Translator = {
  tfType: 'aws_wafv2_web_acl_logging_configuration',
  cfnType: 'AWS::WAFv2::LoggingConfiguration',
  build: (_tf, out) => { out.set('ResourceArn', 'resource_arn').set('LogDestinationConfigs', 'log_destination_configs'); },
};

const regionalWebAclAssociation: Translator = {
  tfType: 'aws_wafregional_web_acl_association',
  cfnType: 'AWS::WAFRegional::WebACLAssociation',
  build: (_tf, out) => { out.set('ResourceArn', 'resource_arn').set('WebACLId', 'web_acl_id'); },
};

const restApi: Translator = {
  tfType: 'aws_api_gateway_rest_api',
  cfnType: 'AWS::ApiGateway::RestApi',
  build(_tf, out) {
    out.set('Name', 'name').set('Description', 'description').set('Policy', 'policy', jsonDocument)
      .set('EndpointConfiguration.Types', 'endpoint_configuration.types').set('DisableExecuteApiEndpoint', 'disable_execute_api_endpoint').tags();
  },
};

const stage: Translator = {
  tfType: 'aws_api_gateway_stage',
  cfnType: 'AWS::ApiGateway::Stage',
  build(tf, out) {
    nested(tf, out, 'AccessLogSetting', 'access_log_settings');
    out.set('RestApiId', 'rest_api_id').set('DeploymentId', 'deployment_id').set('StageName', 'stage_name')
      .set('TracingEnabled', 'xray_tracing_enabled').set('CacheClusterEnabled', 'cache_cluster_enabled').set('CacheClusterSize', 'cache_cluster_size')
      .set('AccessLogSetting.DestinationArn', 'access_log_settings.destination_arn').set('AccessLogSetting.Format', 'access_log_settings.format')
      .set('ClientCertificateId', 'client_certificate_id').set('Variables', 'variables').tags();
  },
};

/** `method_path` ("*\/*", "users/GET") as CloudFormation's ResourcePath and HttpMethod. */
function methodPath(v: Value, at: Loc): { path: Value; method: Value } | undefined {
  const s = asString(v);
  if (s === undefined) return undefined;
  const i = s.lastIndexOf('/');
  const resource = i < 0 ? '*' : s.slice(0, i);
  const method = i < 0 ? s : s.slice(i + 1);
  const path = resource === '*' ? '/*' : `/${resource.replace(/^\//, '').replace(/\//g, '~1')}`;
  return { path: { k: 'scalar', v: path, loc: at }, method: { k: 'scalar', v: method, loc: at } };
}

/** aws_api_gateway_method_settings adds a MethodSettings entry to its stage. */
const methodSettings: Attachment = {
  tfType: 'aws_api_gateway_method_settings',
  ownerTypes: ['aws_api_gateway_stage'],
  ownerArg: 'stage_name',
  ownerKey: 'stage_name',
  build(tf, out) {
    const b = new CfnBuilder(tf, { k: 'object', props: new Map(), keyLocs: new Map(), loc: tf.resource.loc });
    const mp = tf.get('method_path');
    const at = tf.locate('method_path');
    const parsed = mp && methodPath(mp, at);
    if (parsed) b.put('ResourcePath', parsed.path, at).put('HttpMethod', parsed.method, at);
    const s = 'settings';
    b.set('CachingEnabled', `${s}.caching_enabled`).set('CacheDataEncrypted', `${s}.cache_data_encrypted`).set('CacheTtlInSeconds', `${s}.cache_ttl_in_seconds`)
      .set('MetricsEnabled', `${s}.metrics_enabled`).set('LoggingLevel', `${s}.logging_level`).set('DataTraceEnabled', `${s}.data_trace_enabled`)
      .set('ThrottlingBurstLimit', `${s}.throttling_burst_limit`).set('ThrottlingRateLimit', `${s}.throttling_rate_limit`);
    out.append('MethodSettings', b.properties, tf.locate('settings'));
  },
};

const deployment: Translator = {
  tfType: 'aws_api_gateway_deployment',
  cfnType: 'AWS::ApiGateway::Deployment',
  // A stage created through `stage_name` has none of a stage's settings in Terraform.
  build: (_tf, out) => { out.set('RestApiId', 'rest_api_id').set('StageName', 'stage_name').set('Description', 'description'); },
};

const method: Translator = {
  tfType: 'aws_api_gateway_method',
  cfnType: 'AWS::ApiGateway::Method',
  build(_tf, out) {
    out.set('RestApiId', 'rest_api_id').set('ResourceId', 'resource_id').set('HttpMethod', 'http_method')
      .set('AuthorizationType', 'authorization').set('AuthorizerId', 'authorizer_id').set('AuthorizationScopes', 'authorization_scopes')
      .set('ApiKeyRequired', 'api_key_required').set('RequestValidatorId', 'request_validator_id');
  },
};

const domainName: Translator = {
  tfType: 'aws_api_gateway_domain_name',
  cfnType: 'AWS::ApiGateway::DomainName',
  build(_tf, out) {
    out.set('DomainName', 'domain_name').set('CertificateArn', 'certificate_arn').set('RegionalCertificateArn', 'regional_certificate_arn')
      .set('SecurityPolicy', 'security_policy').set('EndpointConfiguration.Types', 'endpoint_configuration.types').tags();
  },
};

const authorizer: Translator = {
  tfType: 'aws_api_gateway_authorizer',
  cfnType: 'AWS::ApiGateway::Authorizer',
  build(_tf, out) {
    // `type` defaults to TOKEN in both.
    out.set('Name', 'name').set('RestApiId', 'rest_api_id').set('Type', 'type').set('ProviderARNs', 'provider_arns')
      .set('AuthorizerUri', 'authorizer_uri').set('IdentitySource', 'identity_source').set('AuthorizerResultTtlInSeconds', 'authorizer_result_ttl_in_seconds');
  },
};

const httpApi: Translator = {
  tfType: 'aws_apigatewayv2_api',
  cfnType: 'AWS::ApiGatewayV2::Api',
  build(_tf, out) {
    out.set('Name', 'name').set('ProtocolType', 'protocol_type').set('DisableExecuteApiEndpoint', 'disable_execute_api_endpoint')
      .set('RouteSelectionExpression', 'route_selection_expression').set('Tags', 'tags');
  },
};

const v2Stage: Translator = {
  tfType: 'aws_apigatewayv2_stage',
  cfnType: 'AWS::ApiGatewayV2::Stage',
  build(tf, out) {
    const r = 'default_route_settings';
    nested(tf, out, 'AccessLogSettings', 'access_log_settings');
    // ApiGatewayV2 keeps tags as a map, as Terraform does.
    out.set('ApiId', 'api_id').set('StageName', 'name').set('AutoDeploy', 'auto_deploy').set('DeploymentId', 'deployment_id')
      .set('AccessLogSettings.DestinationArn', 'access_log_settings.destination_arn').set('AccessLogSettings.Format', 'access_log_settings.format')
      .set('DefaultRouteSettings.DetailedMetricsEnabled', `${r}.detailed_metrics_enabled`).set('DefaultRouteSettings.LoggingLevel', `${r}.logging_level`)
      .set('DefaultRouteSettings.DataTraceEnabled', `${r}.data_trace_enabled`)
      .set('DefaultRouteSettings.ThrottlingBurstLimit', `${r}.throttling_burst_limit`).set('DefaultRouteSettings.ThrottlingRateLimit', `${r}.throttling_rate_limit`)
      .set('Tags', 'tags');
  },
};

const v2Route: Translator = {
  tfType: 'aws_apigatewayv2_route',
  cfnType: 'AWS::ApiGatewayV2::Route',
  build(_tf, out) {
    out.set('ApiId', 'api_id').set('RouteKey', 'route_key').set('AuthorizationType', 'authorization_type').set('AuthorizerId', 'authorizer_id')
      .set('AuthorizationScopes', 'authorization_scopes').set('Target', 'target').set('ApiKeyRequired', 'api_key_required');
  },
};

const v2DomainName: Translator = {
  tfType: 'aws_apigatewayv2_domain_name',
  cfnType: 'AWS::ApiGatewayV2::DomainName',
  build(tf, out) {
    out.set('DomainName', 'domain_name').set('Tags', 'tags');
    blockList(tf, out, 'DomainNameConfigurations', 'domain_name_configuration', (b) => b.set('CertificateArn', 'certificate_arn')
      .set('EndpointType', 'endpoint_type').set('SecurityPolicy', 'security_policy'), ['SecurityPolicy']);
  },
};

const v2Authorizer: Translator = {
  tfType: 'aws_apigatewayv2_authorizer',
  cfnType: 'AWS::ApiGatewayV2::Authorizer',
  build(_tf, out) {
    out.set('ApiId', 'api_id').set('Name', 'name').set('AuthorizerType', 'authorizer_type').set('AuthorizerUri', 'authorizer_uri')
      .set('IdentitySource', 'identity_sources')
      .set('JwtConfiguration.Audience', 'jwt_configuration.audience').set('JwtConfiguration.Issuer', 'jwt_configuration.issuer');
  },
};

export const edge = {
  translators: [
    loadBalancer('aws_lb'), loadBalancer('aws_alb'), listener('aws_lb_listener'), listener('aws_alb_listener'),
    listenerRule('aws_lb_listener_rule'), listenerRule('aws_alb_listener_rule'), classicLoadBalancer,
    distribution, webAcl, ruleGroup, webAclAssociation, webAclLogging, regionalWebAclAssociation,
    restApi, stage, deployment, method, domainName, authorizer,
    httpApi, v2Stage, v2Route, v2DomainName, v2Authorizer,
  ],
  attachments: [methodSettings],
};
