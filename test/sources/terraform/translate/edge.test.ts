import assert from 'node:assert/strict';
import { test } from 'node:test';
import apigwAccessLogging from '../../../../src/controls/audit/apigwAccessLogging.js';
import apigwCacheEncrypted from '../../../../src/controls/data-protection/apigwCacheEncrypted.js';
import apigwDomainTls from '../../../../src/controls/network/apigwDomainTls.js';
import apigwMethodAuthorization from '../../../../src/controls/authorization/apigwMethodAuthorization.js';
import apigwTracing from '../../../../src/controls/audit/apigwTracing.js';
import apigwWaf from '../../../../src/controls/network/apigwWaf.js';
import cfMinimumTls from '../../../../src/controls/network/cfMinimumTls.js';
import cfS3OriginAccess from '../../../../src/controls/network/cfS3OriginAccess.js';
import cfViewerHttps from '../../../../src/controls/network/cfViewerHttps.js';
import cfWaf from '../../../../src/controls/network/cfWaf.js';
import elbAccessLogs from '../../../../src/controls/audit/elbAccessLogs.js';
import elbClassicAccessLogs from '../../../../src/controls/audit/elbClassicAccessLogs.js';
import elbClassicListenersEncrypted from '../../../../src/controls/network/elbClassicListenersEncrypted.js';
import elbDropInvalidHeaders from '../../../../src/controls/network/elbDropInvalidHeaders.js';
import elbHttpRedirects from '../../../../src/controls/network/elbHttpRedirects.js';
import elbListenerEncrypted from '../../../../src/controls/network/elbListenerEncrypted.js';
import elbTlsPolicy from '../../../../src/controls/network/elbTlsPolicy.js';
import wafAlbAssociated from '../../../../src/controls/network/wafAlbAssociated.js';
import wafWebAclHasRules from '../../../../src/controls/network/wafWebAclHasRules.js';
import type { Resource } from '../../../../src/model/types.js';
import { getPath, render } from '../../../../src/model/value.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import { tfFindings, tfResources } from '../../../helpers/tf.js';

const byId = (rs: Resource[], id: string) => rs.find((r) => r.id === id)!;
const rows = (f: { resource: { id: string }; status: string; location: { line: number } }[]) => f.map((x) => [x.resource.id, x.status, x.location.line]);

const lbs = {
  'aws_lb.web': { // 1
    name: 'web', // 2
    drop_invalid_header_fields: true, // 3
    access_logs: [{ bucket: 'logs', enabled: true }], // 4, block 5, bucket 6, enabled 7
  },
  'aws_lb.quiet': { name: 'quiet', access_logs: [{ bucket: 'logs' }] }, // 8; access_logs 10, block 11, bucket 12
  'aws_alb.inside': { internal: true }, // 13-14
  'aws_wafv2_web_acl_association.web': { resource_arn: { ref: 'aws_lb.web', attr: 'arn' }, web_acl_arn: { ref: 'aws_wafv2_web_acl.a', attr: 'arn' } }, // 15; resource_arn 16
};

test('aws_lb: arguments as LoadBalancerAttributes, each located at its argument; internal as Scheme', () => {
  const out = translate(tfResources('lb.tf', lbs));
  const web = byId(out.resources, 'aws_lb.web');
  assert.equal(web.type, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
  assert.equal(render(getPath(web.properties, 'LoadBalancerAttributes'), 400),
    '[{Key: "routing.http.drop_invalid_header_fields.enabled", Value: "true"}, {Key: "access_logs.s3.enabled", Value: "true"}, {Key: "access_logs.s3.bucket", Value: "logs"}]');
  const attrs = getPath(web.properties, 'LoadBalancerAttributes');
  const first = attrs?.k === 'list' ? attrs.items[0] : undefined;
  assert.deepEqual(getPath(first, 'Value')?.loc, { file: 'lb.tf', line: 3, column: 3, path: 'aws_lb.web.drop_invalid_header_fields' });
  assert.equal(render(getPath(byId(out.resources, 'aws_alb.inside').properties, 'Scheme')), '"internal"');
});

test('AT-ELB-005, AT-ELB-004 and AT-WAF-001 on Terraform load balancers', () => {
  const input = tfResources('lb.tf', lbs);
  // An argument left out is reported at the load balancer, not at another argument.
  assert.deepEqual(rows(tfFindings(input, elbDropInvalidHeaders)), [['aws_lb.web', 'pass', 3], ['aws_lb.quiet', 'fail', 8], ['aws_alb.inside', 'fail', 13]]);
  // access_logs without `enabled` logs nothing (the provider sends false): reported at the block.
  assert.deepEqual(rows(tfFindings(input, elbAccessLogs)), [['aws_lb.web', 'pass', 7], ['aws_lb.quiet', 'fail', 10], ['aws_alb.inside', 'fail', 13]]);
  assert.deepEqual(rows(tfFindings(input, wafAlbAssociated)), [['aws_lb.web', 'pass', 16], ['aws_lb.quiet', 'fail', 8], ['aws_alb.inside', 'not_applicable', 13]]);
});

test('listeners: protocol, redirects, TLS policy and listener rules on the ELB controls', () => {
  const input = tfResources('lb.tf', {
    'aws_lb_listener.http': { // 1
      load_balancer_arn: { ref: 'aws_lb.web', attr: 'arn' }, // 2
      port: 80, // 3
      default_action: [{ type: 'redirect', redirect: [{ protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' }] }], // 4, block 5, type 6, redirect 7, block 8, protocol 9
    },
    'aws_lb_listener_rule.plain': { listener_arn: { ref: 'aws_lb_listener.http', attr: 'arn' }, action: [{ type: 'forward', target_group_arn: 'arn:tg' }] }, // 12; action 14
    'aws_lb_listener.tls': { port: 443, protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-2016-08', certificate_arn: 'arn:cert' }, // 18; protocol 20, ssl_policy 21
  });
  const out = translate(input);
  const http = byId(out.resources, 'aws_lb_listener.http');
  // No `protocol` with a port: HTTP, located at the resource where it is left out.
  assert.equal(render(getPath(http.properties, 'Protocol')), '"HTTP"');
  assert.equal(render(getPath(http.properties, 'DefaultActions'), 400), '[{Type: "redirect", RedirectConfig: {Protocol: "HTTPS", Port: "443", StatusCode: "HTTP_301"}}]');
  assert.equal(render(getPath(byId(out.resources, 'aws_lb_listener.tls').properties, 'Certificates')), '[{CertificateArn: "arn:cert"}]');
  // The HTTP listener passes by its redirect: the finding points at the default action.
  assert.deepEqual(rows(tfFindings(input, elbListenerEncrypted)), [['aws_lb_listener.http', 'pass', 4], ['aws_lb_listener.tls', 'pass', 20]]);
  assert.deepEqual(rows(tfFindings(input, elbHttpRedirects)), [['aws_lb_listener.http', 'fail', 14], ['aws_lb_listener.tls', 'not_applicable', 18]]);
  assert.deepEqual(rows(tfFindings(input, elbTlsPolicy)), [['aws_lb_listener.http', 'not_applicable', 1], ['aws_lb_listener.tls', 'fail', 21]]);
});

test('aws_elb: listeners and access logs (enabled unless the block says otherwise)', () => {
  const input = tfResources('elb.tf', {
    'aws_elb.a': { listener: [{ lb_port: 80, lb_protocol: 'http', instance_port: 8080, instance_protocol: 'http' }], access_logs: [{ bucket: 'logs' }] }, // 1; listener 2, block 3, lb_protocol 5; access_logs 8, block 9
    'aws_elb.b': { listener: [{ lb_port: 443, lb_protocol: 'https', instance_port: 8080, instance_protocol: 'http', ssl_certificate_id: 'arn:c' }], access_logs: [{ bucket: 'logs', enabled: false }] }, // 11; lb_protocol 15; enabled 22
  });
  const a = byId(translate(input).resources, 'aws_elb.a');
  assert.equal(render(getPath(a.properties, 'AccessLoggingPolicy'), 400), '{S3BucketName: "logs", Enabled: true}');
  assert.deepEqual(rows(tfFindings(input, elbClassicAccessLogs)), [['aws_elb.a', 'pass', 8], ['aws_elb.b', 'fail', 22]]);
  assert.deepEqual(rows(tfFindings(input, elbClassicListenersEncrypted)), [['aws_elb.a', 'fail', 5], ['aws_elb.b', 'pass', 15]]);
});

test('aws_cloudfront_distribution: origins, behaviours and certificate on the CloudFront controls', () => {
  const input = tfResources('cf.tf', {
    'aws_cloudfront_distribution.d': { // 1
      enabled: true, // 2
      origin: [{ domain_name: { ref: 'aws_s3_bucket.site', attr: 'bucket_regional_domain_name' }, origin_id: 's3' }], // 3, block 4, domain_name 5, origin_id 6
      default_cache_behavior: [{ target_origin_id: 's3', viewer_protocol_policy: 'allow-all' }], // 7, block 8, target 9, policy 10
      ordered_cache_behavior: [{ path_pattern: '/api/*', target_origin_id: 's3', viewer_protocol_policy: 'https-only' }], // 11, block 12, 13-15
      viewer_certificate: [{ cloudfront_default_certificate: true }], // 16, block 17, default 18
    },
    'aws_s3_bucket.site': { bucket: 'site' }, // 19
  });
  const d = byId(translate(input).resources, 'aws_cloudfront_distribution.d');
  assert.equal(render(getPath(d.properties, 'DistributionConfig.Origins'), 400), '[{DomainName: aws_s3_bucket.site.RegionalDomainName, Id: "s3"}]');
  assert.deepEqual(rows(tfFindings(input, cfViewerHttps)), [['aws_cloudfront_distribution.d', 'fail', 10]]);
  assert.deepEqual(rows(tfFindings(input, cfMinimumTls)), [['aws_cloudfront_distribution.d', 'fail', 18]]);
  assert.deepEqual(rows(tfFindings(input, cfS3OriginAccess)), [['aws_cloudfront_distribution.d', 'fail', 4]]);
  assert.deepEqual(rows(tfFindings(input, cfWaf)), [['aws_cloudfront_distribution.d', 'fail', 1]]);
});

test('aws_wafv2_web_acl: rules and default action', () => {
  const input = tfResources('waf.tf', {
    'aws_wafv2_web_acl.empty': { name: 'empty', scope: 'REGIONAL', default_action: [{ allow: [{}] }] }, // 1; default_action 4, block 5, allow 6, its block 7
    'aws_wafv2_web_acl.managed': { name: 'm', default_action: [{ allow: [{}] }], rule: [{ name: 'common', priority: 1, override_action: [{ none: [{}] }] }] }, // 8; rule 14
  });
  const m = byId(translate(input).resources, 'aws_wafv2_web_acl.managed');
  assert.equal(render(getPath(m.properties, 'Rules')), '[{Name: "common", Priority: 1, OverrideAction: {None: {…}}}]');
  const rule = getPath(m.properties, 'Rules');
  assert.equal(render(getPath(rule?.k === 'list' ? rule.items[0] : undefined, 'OverrideAction.None')), '{}');
  assert.equal(render(getPath(m.properties, 'DefaultAction')), '{Allow: {}}');
  assert.deepEqual(rows(tfFindings(input, wafWebAclHasRules)), [['aws_wafv2_web_acl.empty', 'fail', 1], ['aws_wafv2_web_acl.managed', 'pass', 14]]);
});

test('API Gateway REST: stage logging and tracing, method settings merged into their stage, method authorization, WAF and domain TLS', () => {
  const input = tfResources('api.tf', {
    'aws_api_gateway_rest_api.api': { name: 'api' }, // 1-2
    'aws_api_gateway_stage.prod': { rest_api_id: { ref: 'aws_api_gateway_rest_api.api', attr: 'id' }, stage_name: 'prod', xray_tracing_enabled: true }, // 3; stage_name 5, xray 6
    'aws_api_gateway_method_settings.all': { // 7
      rest_api_id: { ref: 'aws_api_gateway_rest_api.api', attr: 'id' }, // 8
      stage_name: { ref: 'aws_api_gateway_stage.prod', attr: 'stage_name' }, // 9
      method_path: '*/*', // 10
      settings: [{ caching_enabled: true, cache_data_encrypted: false }], // 11, block 12, caching 13, encrypted 14
    },
    'aws_api_gateway_method.get': { rest_api_id: { ref: 'aws_api_gateway_rest_api.api', attr: 'id' }, http_method: 'GET', authorization: 'NONE' }, // 15; authorization 18
    'aws_wafv2_web_acl_association.api': { resource_arn: { ref: 'aws_api_gateway_stage.prod', attr: 'arn' }, web_acl_arn: 'arn:acl' }, // 19; resource_arn 20
    'aws_api_gateway_domain_name.d': { domain_name: 'api.example.com', security_policy: 'TLS_1_0' }, // 22; security_policy 24
  });
  const out = translate(input);
  assert.deepEqual(out.notes, []);
  const stage = byId(out.resources, 'aws_api_gateway_stage.prod');
  assert.equal(render(getPath(stage.properties, 'MethodSettings'), 400), '[{ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true, CacheDataEncrypted: false}]');
  assert.deepEqual(rows(tfFindings(input, apigwAccessLogging)), [['aws_api_gateway_stage.prod', 'fail', 3]]);
  assert.deepEqual(rows(tfFindings(input, apigwTracing)), [['aws_api_gateway_stage.prod', 'pass', 6]]);
  assert.deepEqual(rows(tfFindings(input, apigwCacheEncrypted)), [['aws_api_gateway_stage.prod', 'fail', 14]]);
  assert.deepEqual(rows(tfFindings(input, apigwMethodAuthorization)), [['aws_api_gateway_method.get', 'fail', 18]]);
  assert.deepEqual(rows(tfFindings(input, apigwWaf)), [['aws_api_gateway_stage.prod', 'pass', 20]]);
  assert.deepEqual(rows(tfFindings(input, apigwDomainTls)), [['aws_api_gateway_domain_name.d', 'fail', 24]]);
});

test('API Gateway v2: stage access logs, routes (WebSocket routes other than $connect are not authorized), domain TLS', () => {
  const input = tfResources('api.tf', {
    'aws_apigatewayv2_api.ws': { name: 'ws', protocol_type: 'WEBSOCKET' }, // 1-3
    'aws_apigatewayv2_api.http': { name: 'http', protocol_type: 'HTTP' }, // 4-6
    'aws_apigatewayv2_stage.s': { api_id: { ref: 'aws_apigatewayv2_api.http', attr: 'id' }, name: '$default', access_log_settings: [{ destination_arn: 'arn:lg', format: '$context.requestId' }] }, // 7; access_log_settings 10, block 11, destination 12
    'aws_apigatewayv2_route.msg': { api_id: { ref: 'aws_apigatewayv2_api.ws', attr: 'id' }, route_key: 'sendmessage' }, // 14
    'aws_apigatewayv2_route.get': { api_id: { ref: 'aws_apigatewayv2_api.http', attr: 'id' }, route_key: 'GET /items', authorization_type: 'JWT' }, // 17; authorization_type 20
    'aws_apigatewayv2_domain_name.d': { domain_name: 'x.example.com', domain_name_configuration: [{ endpoint_type: 'REGIONAL', security_policy: 'TLS_1_2' }] }, // 21; security_policy 26
  });
  assert.deepEqual(rows(tfFindings(input, apigwAccessLogging)), [['aws_apigatewayv2_stage.s', 'pass', 12]]);
  assert.deepEqual(rows(tfFindings(input, apigwMethodAuthorization)), [['aws_apigatewayv2_route.msg', 'not_applicable', 14], ['aws_apigatewayv2_route.get', 'pass', 20]]);
  assert.deepEqual(rows(tfFindings(input, apigwDomainTls)), [['aws_apigatewayv2_domain_name.d', 'pass', 26]]);
});

test('an action or rule block not known before apply keeps the ELB and WAF controls unknown', () => {
  const input = tfResources('dyn.tf', {
    'aws_lb_listener.http': { port: 80, protocol: 'HTTP', default_action: [{ unknown: 'var.actions' }] }, // 1; default_action 4, item 5
    'aws_wafv2_web_acl.dyn': { default_action: [{ allow: [{}] }], rule: [{ unknown: 'var.rules' }] }, // 6; rule 11, item 12
  });
  assert.deepEqual(tfFindings(input, elbListenerEncrypted).map((f) => f.status), ['unknown']);
  assert.deepEqual(rows(tfFindings(input, wafWebAclHasRules)), [['aws_wafv2_web_acl.dyn', 'unknown', 11]]);
});

test('plan JSON\'s shapes: null is not set, an absent block is an empty list', () => {
  const input = tfResources('plan.json', {
    'aws_wafv2_web_acl.a': { name: 'a', default_action: [{ allow: [{}], block: [] }], rule: [], rule_json: null }, // 1
    'aws_elb.c': { listener: [{ lb_port: 443, lb_protocol: 'https', instance_port: 80, instance_protocol: 'http' }], access_logs: [] },
    'aws_lb_listener.gw': { load_balancer_arn: 'arn:gwlb', port: null, protocol: null, ssl_policy: null, default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] },
  });
  const out = translate(input);
  assert.equal(render(getPath(byId(out.resources, 'aws_wafv2_web_acl.a').properties, 'DefaultAction')), '{Allow: {}}');
  assert.deepEqual(tfFindings(input, wafWebAclHasRules).map((f) => f.status), ['fail']);
  assert.equal(getPath(byId(out.resources, 'aws_elb.c').properties, 'AccessLoggingPolicy'), undefined);
  assert.deepEqual(tfFindings(input, elbClassicAccessLogs).map((f) => f.status), ['fail']);
  assert.equal(getPath(byId(out.resources, 'aws_lb_listener.gw').properties, 'Protocol'), undefined);
  assert.deepEqual(tfFindings(input, elbListenerEncrypted).map((f) => f.status), ['not_applicable']);
});
