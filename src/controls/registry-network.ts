// Controls registered by the network pack. One import per control module.
import type { Control } from './api.js';
import sgNoPublicAdminPorts from './network/sgNoPublicAdminPorts.js';
import sgNoPublicDatabasePorts from './network/sgNoPublicDatabasePorts.js';
import sgNoPublicAllPorts from './network/sgNoPublicAllPorts.js';
import sgPublicIngressWebOnly from './network/sgPublicIngressWebOnly.js';
import sgEgressRestricted from './network/sgEgressRestricted.js';
import sgRuleDescriptions from './network/sgRuleDescriptions.js';
import vpcFlowLogs from './network/vpcFlowLogs.js';
import vpcSubnetNoAutoPublicIp from './network/vpcSubnetNoAutoPublicIp.js';
import vpcNaclNoPublicAdminPorts from './network/vpcNaclNoPublicAdminPorts.js';
import vpcNaclNoPublicAllTraffic from './network/vpcNaclNoPublicAllTraffic.js';
import vpcDefaultSecurityGroupUnused from './network/vpcDefaultSecurityGroupUnused.js';
import elbListenerEncrypted from './network/elbListenerEncrypted.js';
import elbTlsPolicy from './network/elbTlsPolicy.js';
import elbHttpRedirects from './network/elbHttpRedirects.js';
import elbAccessLogs from './network/elbAccessLogs.js';
import elbDropInvalidHeaders from './network/elbDropInvalidHeaders.js';
import elbDeletionProtection from './network/elbDeletionProtection.js';
import elbClassicListenersEncrypted from './network/elbClassicListenersEncrypted.js';
import elbClassicAccessLogs from './network/elbClassicAccessLogs.js';
import cfViewerHttps from './network/cfViewerHttps.js';
import cfMinimumTls from './network/cfMinimumTls.js';
import cfWaf from './network/cfWaf.js';
import cfLogging from './network/cfLogging.js';
import cfOriginHttps from './network/cfOriginHttps.js';
import cfS3OriginAccess from './network/cfS3OriginAccess.js';
import apigwAccessLogging from './network/apigwAccessLogging.js';
import apigwMethodAuthorization from './network/apigwMethodAuthorization.js';
import apigwCacheEncrypted from './network/apigwCacheEncrypted.js';
import apigwDomainTls from './network/apigwDomainTls.js';
import apigwWaf from './network/apigwWaf.js';
import apigwTracing from './network/apigwTracing.js';
import wafAlbAssociated from './network/wafAlbAssociated.js';
import wafWebAclHasRules from './network/wafWebAclHasRules.js';
import ecsNoPublicIp from './network/ecsNoPublicIp.js';
import ecsPrivateSubnets from './network/ecsPrivateSubnets.js';

export const controls: Control[] = [
  sgNoPublicAdminPorts, sgNoPublicDatabasePorts, sgNoPublicAllPorts, sgPublicIngressWebOnly, sgEgressRestricted, sgRuleDescriptions,
  vpcFlowLogs, vpcSubnetNoAutoPublicIp, vpcNaclNoPublicAdminPorts, vpcNaclNoPublicAllTraffic, vpcDefaultSecurityGroupUnused,
  elbListenerEncrypted, elbTlsPolicy, elbHttpRedirects, elbAccessLogs, elbDropInvalidHeaders, elbDeletionProtection, elbClassicListenersEncrypted, elbClassicAccessLogs,
  cfViewerHttps, cfMinimumTls, cfWaf, cfLogging, cfOriginHttps, cfS3OriginAccess,
  apigwAccessLogging, apigwMethodAuthorization, apigwCacheEncrypted, apigwDomainTls, apigwWaf, apigwTracing,
  wafAlbAssociated, wafWebAclHasRules,
  ecsNoPublicIp, ecsPrivateSubnets,
];
