// Translators for the workloads pack's Terraform types. Platform, edge and compute (wave B): EC2, VPC extras, Network Firewall, load balancers, CloudFront, API Gateway, AppSync, Route 53, ACM, Auto Scaling, Lambda, ECS, Beanstalk, Step Functions, EventBridge.
import type { ObjectValue, Value } from '../../../model/types.js';
import { jsonDocument, listOf, type Attachment, type Translator } from './api.js';
import { blockBuilder, blockList, hasBlock, located, nested } from './blocks.js';
import { copy, copyAll } from './copy.js';

// --- Network Firewall ---------------------------------------------------------------

const firewall: Translator = {
  tfType: 'aws_networkfirewall_firewall',
  cfnType: 'AWS::NetworkFirewall::Firewall',
  build(tf, out) {
    // delete_protection, subnet_change_protection and firewall_policy_change_protection default
    // to false, as DeleteProtection, SubnetChangeProtection and FirewallPolicyChangeProtection do.
    copyAll(out, {
      FirewallName: 'name', FirewallPolicyArn: 'firewall_policy_arn', VpcId: 'vpc_id', Description: 'description',
      DeleteProtection: 'delete_protection', SubnetChangeProtection: 'subnet_change_protection',
      FirewallPolicyChangeProtection: 'firewall_policy_change_protection',
    });
    blockList(tf, out, 'SubnetMappings', 'subnet_mapping', (b) => b.set('SubnetId', 'subnet_id'));
    out.tags();
  },
};

const firewallPolicy: Translator = {
  tfType: 'aws_networkfirewall_firewall_policy',
  cfnType: 'AWS::NetworkFirewall::FirewallPolicy',
  build(tf, out) {
    const p = 'FirewallPolicy';
    out.set('FirewallPolicyName', 'name').set('Description', 'description');
    nested(tf, out, p, 'firewall_policy');
    copy(out, `${p}.StatelessDefaultActions`, 'firewall_policy.stateless_default_actions');
    copy(out, `${p}.StatelessFragmentDefaultActions`, 'firewall_policy.stateless_fragment_default_actions');
    copy(out, `${p}.StatefulDefaultActions`, 'firewall_policy.stateful_default_actions');
    const policy = tf.blocks('firewall_policy')[0];
    if (policy) {
      const sub = blockBuilder(policy);
      blockList(policy, sub, 'StatelessRuleGroupReferences', 'stateless_rule_group_reference', (b) => b.set('ResourceArn', 'resource_arn').set('Priority', 'priority'));
      blockList(policy, sub, 'StatefulRuleGroupReferences', 'stateful_rule_group_reference', (b) => b.set('ResourceArn', 'resource_arn').set('Priority', 'priority'));
      for (const key of ['StatelessRuleGroupReferences', 'StatefulRuleGroupReferences']) {
        const v = sub.properties.props.get(key);
        if (v) out.put(`${p}.${key}`, v, sub.properties.keyLocs.get(key) ?? v.loc);
      }
    }
    out.tags();
  },
};

const firewallLogging: Translator = {
  tfType: 'aws_networkfirewall_logging_configuration',
  cfnType: 'AWS::NetworkFirewall::LoggingConfiguration',
  build(tf, out) {
    out.set('FirewallArn', 'firewall_arn');
    const lc = tf.blocks('logging_configuration')[0];
    nested(tf, out, 'LoggingConfiguration', 'logging_configuration');
    if (!lc) return;
    const sub = blockBuilder(lc);
    blockList(lc, sub, 'LogDestinationConfigs', 'log_destination_config', (b) => b.set('LogType', 'log_type')
      .set('LogDestinationType', 'log_destination_type').set('LogDestination', 'log_destination'));
    const v = sub.properties.props.get('LogDestinationConfigs');
    if (v) out.put('LoggingConfiguration.LogDestinationConfigs', v, sub.properties.keyLocs.get('LogDestinationConfigs') ?? v.loc);
  },
};

// --- VPC extras ---------------------------------------------------------------------

const transitGateway: Translator = {
  tfType: 'aws_ec2_transit_gateway',
  cfnType: 'AWS::EC2::TransitGateway',
  build(_tf, out) {
    // auto_accept_shared_attachments defaults to "disable", as AutoAcceptSharedAttachments does.
    copyAll(out, {
      Description: 'description', AmazonSideAsn: 'amazon_side_asn', AutoAcceptSharedAttachments: 'auto_accept_shared_attachments',
      DefaultRouteTableAssociation: 'default_route_table_association', DefaultRouteTablePropagation: 'default_route_table_propagation',
    });
    out.tags();
  },
};

const clientVpnEndpoint: Translator = {
  tfType: 'aws_ec2_client_vpn_endpoint',
  cfnType: 'AWS::EC2::ClientVpnEndpoint',
  build(tf, out) {
    const c = 'ConnectionLogOptions';
    nested(tf, out, c, 'connection_log_options');
    copyAll(out, {
      ClientCidrBlock: 'client_cidr_block', ServerCertificateArn: 'server_certificate_arn', VpcId: 'vpc_id', SplitTunnel: 'split_tunnel',
      [`${c}.Enabled`]: 'connection_log_options.enabled', [`${c}.CloudwatchLogGroup`]: 'connection_log_options.cloudwatch_log_group',
      [`${c}.CloudwatchLogStream`]: 'connection_log_options.cloudwatch_log_stream',
    });
    out.tags();
  },
};

/**
 * A VPN connection's two tunnels: Terraform names their options `tunnel1_*` and `tunnel2_*`,
 * CloudFormation lists them in VpnTunnelOptionsSpecifications. A tunnel whose log options are
 * not written is an element without LogOptions, located at the resource.
 */
const vpnConnection: Translator = {
  tfType: 'aws_vpn_connection',
  cfnType: 'AWS::EC2::VPNConnection',
  build(tf, out) {
    copyAll(out, { CustomerGatewayId: 'customer_gateway_id', TransitGatewayId: 'transit_gateway_id', VpnGatewayId: 'vpn_gateway_id', Type: 'type', StaticRoutesOnly: 'static_routes_only' });
    const items: Value[] = [];
    for (const n of [1, 2]) {
      const arg = `tunnel${n}_log_options`;
      const cw = `${arg}.cloudwatch_log_options`;
      const at = hasBlock(tf, arg) ? tf.locate(arg) : tf.resource.loc;
      const t: ObjectValue = { k: 'object', props: new Map(), keyLocs: new Map(), loc: at };
      if (hasBlock(tf, arg)) {
        const lo: ObjectValue = { k: 'object', props: new Map(), keyLocs: new Map(), loc: at };
        t.props.set('LogOptions', lo);
        t.keyLocs.set('LogOptions', at);
        if (hasBlock(tf, cw)) {
          const cat = tf.locate(cw);
          const cwo: ObjectValue = { k: 'object', props: new Map(), keyLocs: new Map(), loc: cat };
          lo.props.set('CloudwatchLogOptions', cwo);
          lo.keyLocs.set('CloudwatchLogOptions', cat);
          for (const [cfn, arg2] of [['LogEnabled', 'log_enabled'], ['LogGroupArn', 'log_group_arn'], ['LogOutputFormat', 'log_output_format']] as const) {
            const v = tf.get(`${cw}.${arg2}`);
            if (v === undefined || (v.k === 'scalar' && v.v === null)) continue;
            const vat = tf.locate(`${cw}.${arg2}`);
            cwo.props.set(cfn, located(v, vat));
            cwo.keyLocs.set(cfn, vat);
          }
        }
      }
      items.push(t);
    }
    if (hasBlock(tf, 'tunnel1_log_options') || hasBlock(tf, 'tunnel2_log_options')) {
      out.put('VpnTunnelOptionsSpecifications', { k: 'list', items, loc: tf.resource.loc }, tf.resource.loc);
    }
    out.tags();
  },
};

// --- AppSync ------------------------------------------------------------------------

const graphqlApi: Translator = {
  tfType: 'aws_appsync_graphql_api',
  cfnType: 'AWS::AppSync::GraphQLApi',
  build(tf, out) {
    nested(tf, out, 'LogConfig', 'log_config');
    copyAll(out, {
      Name: 'name', AuthenticationType: 'authentication_type', XrayEnabled: 'xray_enabled', Visibility: 'visibility',
      'LogConfig.CloudWatchLogsRoleArn': 'log_config.cloudwatch_logs_role_arn', 'LogConfig.FieldLogLevel': 'log_config.field_log_level',
      'LogConfig.ExcludeVerboseContent': 'log_config.exclude_verbose_content',
    });
    blockList(tf, out, 'AdditionalAuthenticationProviders', 'additional_authentication_provider', (b) => b.set('AuthenticationType', 'authentication_type'), ['AuthenticationType']);
    out.tags();
  },
};

const apiCache: Translator = {
  tfType: 'aws_appsync_api_cache',
  cfnType: 'AWS::AppSync::ApiCache',
  build(_tf, out) {
    // at_rest_encryption_enabled and transit_encryption_enabled default to false, as in CloudFormation.
    copyAll(out, {
      ApiId: 'api_id', Type: 'type', ApiCachingBehavior: 'api_caching_behavior', Ttl: 'ttl',
      AtRestEncryptionEnabled: 'at_rest_encryption_enabled', TransitEncryptionEnabled: 'transit_encryption_enabled',
    });
  },
};

// --- Route 53 -----------------------------------------------------------------------

const hostedZone: Translator = {
  tfType: 'aws_route53_zone',
  cfnType: 'AWS::Route53::HostedZone',
  build(tf, out) {
    out.set('Name', 'name').set('HostedZoneConfig.Comment', 'comment');
    // `vpc` blocks make the zone private, as VPCs does.
    blockList(tf, out, 'VPCs', 'vpc', (b) => b.set('VPCId', 'vpc_id').set('VPCRegion', 'vpc_region'));
    out.tags('HostedZoneTags');
  },
};

/** aws_route53_query_log turns on query logging for its zone, which CloudFormation writes as the zone's QueryLoggingConfig. */
const queryLog: Attachment = {
  tfType: 'aws_route53_query_log',
  ownerTypes: ['aws_route53_zone'],
  ownerArg: 'zone_id',
  build(tf, out) {
    const v = tf.get('cloudwatch_log_group_arn');
    const at = tf.locate('cloudwatch_log_group_arn');
    out.put('QueryLoggingConfig.CloudWatchLogsLogGroupArn', v ? located(v, at) : { k: 'absent', loc: at }, at);
  },
};

const dnssec: Translator = {
  tfType: 'aws_route53_hosted_zone_dnssec',
  cfnType: 'AWS::Route53::DNSSEC',
  build(_tf, out) {
    // signing_status (SIGNING unless written) has no CloudFormation property: AWS::Route53::DNSSEC
    // always signs. It is kept as SigningStatus so a control sees a zone left NOT_SIGNING.
    copyAll(out, { HostedZoneId: 'hosted_zone_id', SigningStatus: 'signing_status' });
  },
};

// --- ACM ----------------------------------------------------------------------------

const certificate: Translator = {
  tfType: 'aws_acm_certificate',
  cfnType: 'AWS::CertificateManager::Certificate',
  build(tf, out) {
    // options.certificate_transparency_logging_preference defaults to ENABLED, as
    // CertificateTransparencyLoggingPreference does; key_algorithm to RSA_2048, as KeyAlgorithm does.
    copyAll(out, {
      DomainName: 'domain_name', SubjectAlternativeNames: 'subject_alternative_names', ValidationMethod: 'validation_method',
      KeyAlgorithm: 'key_algorithm', CertificateAuthorityArn: 'certificate_authority_arn',
      CertificateTransparencyLoggingPreference: 'options.certificate_transparency_logging_preference',
    });
    // An imported certificate (private_key and certificate_body) has no CloudFormation
    // equivalent; its key is kept so a control knows the key is not one ACM generated.
    copy(out, 'ImportedCertificateBody', 'certificate_body');
    out.tags();
  },
};

// --- Elastic Beanstalk, Step Functions, EventBridge ----------------------------------

const beanstalkEnvironment: Translator = {
  tfType: 'aws_elastic_beanstalk_environment',
  cfnType: 'AWS::ElasticBeanstalk::Environment',
  build(tf, out) {
    copyAll(out, {
      EnvironmentName: 'name', ApplicationName: 'application', SolutionStackName: 'solution_stack_name',
      PlatformArn: 'platform_arn', TemplateName: 'template_name', Tier: 'tier', VersionLabel: 'version_label',
    });
    blockList(tf, out, 'OptionSettings', 'setting', (b) => b.set('Namespace', 'namespace').set('OptionName', 'name')
      .set('Value', 'value').set('ResourceName', 'resource'), ['Namespace']);
    out.tags();
  },
};

const stateMachine: Translator = {
  tfType: 'aws_sfn_state_machine',
  cfnType: 'AWS::StepFunctions::StateMachine',
  build(tf, out) {
    const l = 'LoggingConfiguration';
    nested(tf, out, l, 'logging_configuration');
    nested(tf, out, 'TracingConfiguration', 'tracing_configuration');
    nested(tf, out, 'EncryptionConfiguration', 'encryption_configuration');
    // logging_configuration.level defaults to OFF, as Level does.
    copyAll(out, {
      StateMachineName: 'name', RoleArn: 'role_arn', StateMachineType: 'type',
      [`${l}.Level`]: 'logging_configuration.level', [`${l}.IncludeExecutionData`]: 'logging_configuration.include_execution_data',
      'TracingConfiguration.Enabled': 'tracing_configuration.enabled',
      'EncryptionConfiguration.Type': 'encryption_configuration.type', 'EncryptionConfiguration.KmsKeyId': 'encryption_configuration.kms_key_id',
    });
    // log_destination is one log group ARN; CloudFormation lists destinations.
    const dest = tf.get('logging_configuration.log_destination');
    if (dest !== undefined && !(dest.k === 'scalar' && dest.v === null)) {
      const at = tf.locate('logging_configuration.log_destination');
      const item: Value = {
        k: 'object', loc: at,
        props: new Map<string, Value>([['CloudWatchLogsLogGroup', { k: 'object', loc: at, props: new Map([['LogGroupArn', located(dest, at)]]), keyLocs: new Map([['LogGroupArn', at]]) }]]),
        keyLocs: new Map([['CloudWatchLogsLogGroup', at]]),
      };
      out.put(`${l}.Destinations`, listOf(item), at);
    }
    out.tags();
  },
};

const eventBusPolicy: Translator = {
  tfType: 'aws_cloudwatch_event_bus_policy',
  cfnType: 'AWS::Events::EventBusPolicy',
  build(_tf, out) {
    // The whole resource policy; CloudFormation's Statement holds one statement of it, so the
    // document is kept whole as Policy, which the control reads like an event bus's Policy.
    copy(out, 'EventBusName', 'event_bus_name');
    copy(out, 'Policy', 'policy', jsonDocument);
  },
};

const eventPermission: Translator = {
  tfType: 'aws_cloudwatch_event_permission',
  cfnType: 'AWS::Events::EventBusPolicy',
  build(tf, out) {
    // action defaults to events:PutEvents, as Action does in CloudFormation's legacy form.
    copyAll(out, { EventBusName: 'event_bus_name', StatementId: 'statement_id', Principal: 'principal', Action: 'action' });
    nested(tf, out, 'Condition', 'condition');
    copyAll(out, { 'Condition.Key': 'condition.key', 'Condition.Type': 'condition.type', 'Condition.Value': 'condition.value' });
  },
};

const eventBus: Translator = {
  tfType: 'aws_cloudwatch_event_bus',
  cfnType: 'AWS::Events::EventBus',
  build(_tf, out) {
    copyAll(out, { Name: 'name', KmsKeyIdentifier: 'kms_key_identifier' });
    out.tags();
  },
};

const translators: Translator[] = [
  firewall, firewallPolicy, firewallLogging,
  transitGateway, clientVpnEndpoint, vpnConnection,
  graphqlApi, apiCache,
  hostedZone, dnssec,
  certificate,
  beanstalkEnvironment, stateMachine, eventBusPolicy, eventPermission, eventBus,
];

const attachments: Attachment[] = [
  queryLog,
];

export const workloads: { translators: Translator[]; attachments: Attachment[] } = { translators, attachments };
