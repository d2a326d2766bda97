// Controls registered by the operations pack. One import per control module.
import type { Control } from './api.js';
import configRecorderAllResources from './audit/configRecorderAllResources.js';
import configRecorderGlobalResources from './audit/configRecorderGlobalResources.js';
import cloudTrailMultiRegion from './audit/cloudTrailMultiRegion.js';
import cloudTrailLogValidation from './audit/cloudTrailLogValidation.js';
import cloudTrailEncrypted from './audit/cloudTrailEncrypted.js';
import cloudTrailCloudWatchLogs from './audit/cloudTrailCloudWatchLogs.js';
import cloudTrailLogging from './audit/cloudTrailLogging.js';
import cloudTrailGlobalEvents from './audit/cloudTrailGlobalEvents.js';
import alarmHasActions from './audit/alarmHasActions.js';
import statefulDeletionPolicy from './deployment/statefulDeletionPolicy.js';
import statefulUpdateReplacePolicy from './deployment/statefulUpdateReplacePolicy.js';
import noPlaintextSecrets from './deployment/noPlaintextSecrets.js';
import ecsNoPrivileged from './compute/ecsNoPrivileged.js';
import ecsReadOnlyRoot from './compute/ecsReadOnlyRoot.js';
import ecsContainerLogging from './compute/ecsContainerLogging.js';
import ecsNoPlaintextSecrets from './compute/ecsNoPlaintextSecrets.js';
import ecsNonRootUser from './compute/ecsNonRootUser.js';
import ecsNoHostNetwork from './compute/ecsNoHostNetwork.js';
import ecsTaskRole from './compute/ecsTaskRole.js';
import guardDutyEnabled from './audit/guardDutyEnabled.js';
import guardDutyS3Protection from './audit/guardDutyS3Protection.js';
import guardDutyEksAuditLogs from './audit/guardDutyEksAuditLogs.js';
import guardDutyRdsProtection from './audit/guardDutyRdsProtection.js';
import guardDutyMalwareProtection from './audit/guardDutyMalwareProtection.js';
import guardDutyRuntimeMonitoring from './audit/guardDutyRuntimeMonitoring.js';
import lambdaRuntimeSupported from './compute/lambdaRuntimeSupported.js';
import lambdaTracing from './compute/lambdaTracing.js';
import lambdaEnvEncrypted from './compute/lambdaEnvEncrypted.js';
import lambdaEnvNoSecrets from './compute/lambdaEnvNoSecrets.js';
import lambdaPermissionNotPublic from './compute/lambdaPermissionNotPublic.js';
import lambdaUrlAuth from './compute/lambdaUrlAuth.js';
import lambdaReservedConcurrency from './compute/lambdaReservedConcurrency.js';
import lambdaDeadLetter from './compute/lambdaDeadLetter.js';
import lambdaInVpc from './compute/lambdaInVpc.js';
import logGroupRetention from './audit/logGroupRetention.js';
import logGroupEncrypted from './audit/logGroupEncrypted.js';
import securityHubStandards from './audit/securityHubStandards.js';
import securityHubAutoEnableControls from './audit/securityHubAutoEnableControls.js';
import taggedResources from './resource-governance/taggedResources.js';

export const controls: Control[] = [
  configRecorderAllResources,
  configRecorderGlobalResources,
  cloudTrailMultiRegion,
  cloudTrailLogValidation,
  cloudTrailEncrypted,
  cloudTrailCloudWatchLogs,
  cloudTrailLogging,
  cloudTrailGlobalEvents,
  alarmHasActions,
  statefulDeletionPolicy,
  statefulUpdateReplacePolicy,
  noPlaintextSecrets,
  ecsNoPrivileged,
  ecsReadOnlyRoot,
  ecsContainerLogging,
  ecsNoPlaintextSecrets,
  ecsNonRootUser,
  ecsNoHostNetwork,
  ecsTaskRole,
  guardDutyEnabled,
  guardDutyS3Protection,
  guardDutyEksAuditLogs,
  guardDutyRdsProtection,
  guardDutyMalwareProtection,
  guardDutyRuntimeMonitoring,
  lambdaRuntimeSupported,
  lambdaTracing,
  lambdaEnvEncrypted,
  lambdaEnvNoSecrets,
  lambdaPermissionNotPublic,
  lambdaUrlAuth,
  lambdaReservedConcurrency,
  lambdaDeadLetter,
  lambdaInVpc,
  logGroupRetention,
  logGroupEncrypted,
  securityHubStandards,
  securityHubAutoEnableControls,
  taggedResources,
];
