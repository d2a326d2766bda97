// Controls registered by the platform pack: compute, build and data services beyond the
// first packs (EC2 launch settings, EKS, CodeBuild, SSM, Redshift, WAF content, backups).
// One import per control module.
import type { Control } from './api.js';
import ec2ImdsV2Required from './iam/ec2ImdsV2Required.js';
import ec2ImdsHopLimit from './iam/ec2ImdsHopLimit.js';
import ec2UserDataNoSecrets from './data-protection/ec2UserDataNoSecrets.js';
import eksSecretsEncrypted from './data-protection/eksSecretsEncrypted.js';
import eksEndpointNotPublic from './network/eksEndpointNotPublic.js';
import eksControlPlaneLogging from './audit/eksControlPlaneLogging.js';
import codebuildNoPrivilegedMode from './deployment/codebuildNoPrivilegedMode.js';
import codebuildArtifactsEncrypted from './data-protection/codebuildArtifactsEncrypted.js';
import codebuildEnvNoSecrets from './data-protection/codebuildEnvNoSecrets.js';
import codebuildLogging from './audit/codebuildLogging.js';
import codebuildCustomerKey from './data-protection/codebuildCustomerKey.js';
import codebuildSourceNoCredentials from './data-protection/codebuildSourceNoCredentials.js';
import ssmParameterNoPlaintextSecret from './data-protection/ssmParameterNoPlaintextSecret.js';
import vpcEndpointPolicyRestricted from './network/vpcEndpointPolicyRestricted.js';
import rdsRequireTls from './data-protection/rdsRequireTls.js';
import redshiftEncrypted from './data-protection/redshiftEncrypted.js';
import redshiftNotPublic from './network/redshiftNotPublic.js';
import redshiftAuditLogging from './audit/redshiftAuditLogging.js';
import redshiftRequireTls from './data-protection/redshiftRequireTls.js';
import redshiftEnhancedVpcRouting from './network/redshiftEnhancedVpcRouting.js';
import redshiftSnapshotRetention from './resilience/redshiftSnapshotRetention.js';
import wafCoreRuleSet from './network/wafCoreRuleSet.js';
import wafRateBasedRule from './network/wafRateBasedRule.js';
import secretsRotationInterval from './data-protection/secretsRotationInterval.js';
import backupCrossRegionCopy from './resilience/backupCrossRegionCopy.js';
import s3ReplicationOutsideStack from './resilience/s3ReplicationOutsideStack.js';
import s3TrailBucketObjectLock from './audit/s3TrailBucketObjectLock.js';
import accessAnalyzerExternalAccess from './iam/accessAnalyzerExternalAccess.js';
import ec2NoPublicIp from './network/ec2NoPublicIp.js';
import eksNodegroupSshRestricted from './network/eksNodegroupSshRestricted.js';
import wafLogging from './audit/wafLogging.js';
import redshiftVersionUpgrade from './data-protection/redshiftVersionUpgrade.js';
import redshiftCustomerKey from './data-protection/redshiftCustomerKey.js';
import codebuildSourceTls from './data-protection/codebuildSourceTls.js';
import eksSupportedVersion from './deployment/eksSupportedVersion.js';

export const controls: Control[] = [
  ec2ImdsV2Required,
  ec2ImdsHopLimit,
  ec2UserDataNoSecrets,
  eksSecretsEncrypted,
  eksEndpointNotPublic,
  eksControlPlaneLogging,
  codebuildNoPrivilegedMode,
  codebuildArtifactsEncrypted,
  codebuildEnvNoSecrets,
  codebuildLogging,
  codebuildCustomerKey,
  codebuildSourceNoCredentials,
  ssmParameterNoPlaintextSecret,
  vpcEndpointPolicyRestricted,
  rdsRequireTls,
  redshiftEncrypted,
  redshiftNotPublic,
  redshiftAuditLogging,
  redshiftRequireTls,
  redshiftEnhancedVpcRouting,
  redshiftSnapshotRetention,
  wafCoreRuleSet,
  wafRateBasedRule,
  secretsRotationInterval,
  backupCrossRegionCopy,
  s3ReplicationOutsideStack,
  s3TrailBucketObjectLock,
  accessAnalyzerExternalAccess,
  ec2NoPublicIp,
  eksNodegroupSshRestricted,
  wafLogging,
  redshiftVersionUpgrade,
  redshiftCustomerKey,
  codebuildSourceTls,
  eksSupportedVersion,
];
