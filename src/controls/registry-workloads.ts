// Controls registered by the workloads pack. Platform, edge and compute (wave B): EC2, VPC extras, Network Firewall, load balancers, CloudFront, API Gateway, AppSync, Route 53, ACM, Auto Scaling, Lambda, ECS, Beanstalk, Step Functions, EventBridge.
// One import per control module.
import type { Control } from './api.js';
import nfwDeletionProtection from './resilience/nfwDeletionProtection.js';
import nfwSubnetChangeProtection from './network/nfwSubnetChangeProtection.js';
import nfwPolicyChangeProtection from './network/nfwPolicyChangeProtection.js';
import nfwLogging from './audit/nfwLogging.js';
import nfwStatelessDefaultAction from './network/nfwStatelessDefaultAction.js';
import nfwStatelessFragmentDefaultAction from './network/nfwStatelessFragmentDefaultAction.js';
import nfwPolicyHasRuleGroups from './network/nfwPolicyHasRuleGroups.js';
import vpcTgwNoAutoAccept from './network/vpcTgwNoAutoAccept.js';
import vpcClientVpnConnectionLogging from './audit/vpcClientVpnConnectionLogging.js';
import vpcVpnTunnelLogging from './audit/vpcVpnTunnelLogging.js';
import ec2DetailedMonitoring from './audit/ec2DetailedMonitoring.js';
import ec2InstanceProfile from './iam/ec2InstanceProfile.js';
import elbDesyncMitigation from './network/elbDesyncMitigation.js';
import elbClassicCrossZone from './resilience/elbClassicCrossZone.js';
import elbClassicConnectionDraining from './resilience/elbClassicConnectionDraining.js';
import elbWafFailClosed from './network/elbWafFailClosed.js';
import cfDefaultRootObject from './network/cfDefaultRootObject.js';
import cfOriginTlsProtocols from './network/cfOriginTlsProtocols.js';
import apigwClientCertificate from './authentication/apigwClientCertificate.js';
import apigwExecutionLogging from './audit/apigwExecutionLogging.js';
import apigwNoDataTrace from './data-protection/apigwNoDataTrace.js';
import apigwRequestValidation from './network/apigwRequestValidation.js';
import acmTransparencyLogging from './audit/acmTransparencyLogging.js';
import acmKeyAlgorithm from './data-protection/acmKeyAlgorithm.js';
import r53QueryLogging from './audit/r53QueryLogging.js';
import r53Dnssec from './data-protection/r53Dnssec.js';
import appsyncFieldLogging from './audit/appsyncFieldLogging.js';
import appsyncNoApiKey from './authentication/appsyncNoApiKey.js';
import appsyncWaf from './network/appsyncWaf.js';
import appsyncCacheEncryptedAtRest from './data-protection/appsyncCacheEncryptedAtRest.js';
import appsyncCacheEncryptedInTransit from './data-protection/appsyncCacheEncryptedInTransit.js';
import sfnLogging from './audit/sfnLogging.js';
import sfnTracing from './audit/sfnTracing.js';
import evbBusPolicyNotPublic from './authorization/evbBusPolicyNotPublic.js';
import lambdaCodeSigning from './compute/lambdaCodeSigning.js';
import lambdaUrlCors from './network/lambdaUrlCors.js';
import lambdaPermissionSourceScoped from './authorization/lambdaPermissionSourceScoped.js';
import ecsContainerInsights from './audit/ecsContainerInsights.js';
import ecsFargateLatestPlatform from './compute/ecsFargateLatestPlatform.js';
import ecsNoHostPid from './compute/ecsNoHostPid.js';
import ecsNoHostIpc from './compute/ecsNoHostIpc.js';
import ecsEfsTransitEncryption from './data-protection/ecsEfsTransitEncryption.js';
import asgLaunchTemplate from './deployment/asgLaunchTemplate.js';
import asgPropagateTags from './resource-governance/asgPropagateTags.js';
import ebManagedUpdates from './deployment/ebManagedUpdates.js';
import ebEnhancedHealth from './audit/ebEnhancedHealth.js';
import ebLogStreaming from './audit/ebLogStreaming.js';
import cfOriginFailover from './resilience/cfOriginFailover.js';
import ecsExecLogsEncrypted from './data-protection/ecsExecLogsEncrypted.js';
import sfnCustomerKey from './data-protection/sfnCustomerKey.js';
import lambdaMultiAz from './resilience/lambdaMultiAz.js';
import elbAcmCertificate from './data-protection/elbAcmCertificate.js';
import nfwMultiAz from './resilience/nfwMultiAz.js';
import elbClassicMultiAz from './resilience/elbClassicMultiAz.js';

export const controls: Control[] = [
  nfwDeletionProtection, nfwSubnetChangeProtection, nfwPolicyChangeProtection, nfwLogging,
  nfwStatelessDefaultAction, nfwStatelessFragmentDefaultAction, nfwPolicyHasRuleGroups,
  vpcTgwNoAutoAccept, vpcClientVpnConnectionLogging, vpcVpnTunnelLogging, ec2DetailedMonitoring, ec2InstanceProfile,
  elbDesyncMitigation, elbClassicCrossZone, elbClassicConnectionDraining, elbWafFailClosed, cfDefaultRootObject, cfOriginTlsProtocols,
  apigwClientCertificate, apigwExecutionLogging, apigwNoDataTrace, apigwRequestValidation, acmTransparencyLogging, acmKeyAlgorithm, r53QueryLogging, r53Dnssec,
  appsyncFieldLogging, appsyncNoApiKey, appsyncWaf, appsyncCacheEncryptedAtRest, appsyncCacheEncryptedInTransit, sfnLogging, sfnTracing, evbBusPolicyNotPublic,
  lambdaCodeSigning, lambdaUrlCors, lambdaPermissionSourceScoped, ecsContainerInsights, ecsFargateLatestPlatform,
  ecsNoHostPid, ecsNoHostIpc, ecsEfsTransitEncryption, asgLaunchTemplate, asgPropagateTags,
  ebManagedUpdates, ebEnhancedHealth, ebLogStreaming,
  cfOriginFailover, ecsExecLogsEncrypted,
  sfnCustomerKey, lambdaMultiAz,
  elbAcmCertificate, nfwMultiAz, elbClassicMultiAz,
];
