// Controls registered by the data pack. One import per control module.
import type { Control } from './api.js';
import dynamodbKmsEncryption from './data-protection/dynamodbKmsEncryption.js';
import ebsBlockDeviceEncrypted from './data-protection/ebsBlockDeviceEncrypted.js';
import ebsVolumeEncrypted from './data-protection/ebsVolumeEncrypted.js';
import ecrImmutableTags from './data-protection/ecrImmutableTags.js';
import ecrKmsEncryption from './data-protection/ecrKmsEncryption.js';
import ecrScanOnPush from './data-protection/ecrScanOnPush.js';
import efsEncrypted from './data-protection/efsEncrypted.js';
import elasticacheAtRest from './data-protection/elasticacheAtRest.js';
import elasticacheAuth from './data-protection/elasticacheAuth.js';
import elasticacheInTransit from './data-protection/elasticacheInTransit.js';
import opensearchEncryptionAtRest from './data-protection/opensearchEncryptionAtRest.js';
import opensearchEnforceHttps from './data-protection/opensearchEnforceHttps.js';
import opensearchNodeToNode from './data-protection/opensearchNodeToNode.js';
import opensearchTlsPolicy from './data-protection/opensearchTlsPolicy.js';
import rdsAutoMinorUpgrade from './data-protection/rdsAutoMinorUpgrade.js';
import rdsCopyTagsToSnapshot from './data-protection/rdsCopyTagsToSnapshot.js';
import rdsIamAuth from './data-protection/rdsIamAuth.js';
import rdsLogExports from './data-protection/rdsLogExports.js';
import rdsNotPublic from './data-protection/rdsNotPublic.js';
import rdsPerformanceInsightsKms from './data-protection/rdsPerformanceInsightsKms.js';
import rdsProxyRequireTls from './data-protection/rdsProxyRequireTls.js';
import rdsStorageEncrypted from './data-protection/rdsStorageEncrypted.js';
import s3AccessControlNotPublic from './data-protection/s3AccessControlNotPublic.js';
import s3AccessLogging from './data-protection/s3AccessLogging.js';
import s3DefaultEncryption from './data-protection/s3DefaultEncryption.js';
import s3EncryptionKms from './data-protection/s3EncryptionKms.js';
import s3PolicyNoPublicPrincipal from './data-protection/s3PolicyNoPublicPrincipal.js';
import s3PublicAccessBlock from './data-protection/s3PublicAccessBlock.js';
import s3TlsOnlyPolicy from './data-protection/s3TlsOnlyPolicy.js';
import snsTopicEncrypted from './data-protection/snsTopicEncrypted.js';
import sqsQueueEncrypted from './data-protection/sqsQueueEncrypted.js';
import sqsQueueKms from './data-protection/sqsQueueKms.js';
import asgElbHealthCheck from './resilience/asgElbHealthCheck.js';
import asgMultiAz from './resilience/asgMultiAz.js';
import backupPlanRetention from './resilience/backupPlanRetention.js';
import dynamodbDeletionProtection from './resilience/dynamodbDeletionProtection.js';
import dynamodbPitr from './resilience/dynamodbPitr.js';
import efsBackupPolicy from './resilience/efsBackupPolicy.js';
import rdsBackupRetention from './resilience/rdsBackupRetention.js';
import rdsDeletionProtection from './resilience/rdsDeletionProtection.js';
import rdsMultiAz from './resilience/rdsMultiAz.js';
import s3Versioning from './resilience/s3Versioning.js';
import rdsEnhancedMonitoring from './audit/rdsEnhancedMonitoring.js';
import rdsAuroraBacktrack from './resilience/rdsAuroraBacktrack.js';
import opensearchFineGrainedAccess from './authorization/opensearchFineGrainedAccess.js';
import opensearchAuditLogs from './audit/opensearchAuditLogs.js';
import opensearchInVpc from './network/opensearchInVpc.js';
import opensearchDataNodeFaultTolerance from './resilience/opensearchDataNodeFaultTolerance.js';
import opensearchDedicatedMasters from './resilience/opensearchDedicatedMasters.js';
import opensearchApplicationLogs from './audit/opensearchApplicationLogs.js';
import opensearchCustomerKey from './data-protection/opensearchCustomerKey.js';

export const controls: Control[] = [
  dynamodbKmsEncryption, ebsBlockDeviceEncrypted, ebsVolumeEncrypted, ecrImmutableTags, ecrKmsEncryption, ecrScanOnPush, efsEncrypted, elasticacheAtRest, elasticacheAuth, elasticacheInTransit, opensearchEncryptionAtRest, opensearchEnforceHttps, opensearchNodeToNode, opensearchTlsPolicy, rdsAutoMinorUpgrade, rdsCopyTagsToSnapshot, rdsIamAuth, rdsLogExports, rdsNotPublic, rdsPerformanceInsightsKms, rdsProxyRequireTls, rdsStorageEncrypted, s3AccessControlNotPublic, s3AccessLogging, s3DefaultEncryption, s3EncryptionKms, s3PolicyNoPublicPrincipal, s3PublicAccessBlock, s3TlsOnlyPolicy, snsTopicEncrypted, sqsQueueEncrypted, sqsQueueKms, asgElbHealthCheck, asgMultiAz, backupPlanRetention, dynamodbDeletionProtection, dynamodbPitr, efsBackupPolicy, rdsBackupRetention, rdsDeletionProtection, rdsMultiAz, s3Versioning,
  rdsEnhancedMonitoring,
  rdsAuroraBacktrack,
  opensearchFineGrainedAccess,
  opensearchAuditLogs,
  opensearchInVpc,
  opensearchDataNodeFaultTolerance,
  opensearchDedicatedMasters,
  opensearchApplicationLogs,
  opensearchCustomerKey,
];
