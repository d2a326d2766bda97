// Controls registered by the analytics pack. Analytics and data platforms (wave A): DocumentDB, Neptune, MSK, MQ, Glue, Athena, EMR, SageMaker, DMS, FSx, MemoryDB, DAX, Transfer, Backup vaults.
// One import per control module.
import type { Control } from './api.js';
import athenaEnforceWorkgroupConfiguration from './data-protection/athenaEnforceWorkgroupConfiguration.js';
import athenaResultEncryption from './data-protection/athenaResultEncryption.js';
import backupVaultCmk from './data-protection/backupVaultCmk.js';
import backupVaultLock from './resilience/backupVaultLock.js';
import daxEncryptionAtRest from './data-protection/daxEncryptionAtRest.js';
import daxEndpointTls from './data-protection/daxEndpointTls.js';
import dmsAutoMinorUpgrade from './deployment/dmsAutoMinorUpgrade.js';
import dmsEndpointSsl from './data-protection/dmsEndpointSsl.js';
import dmsMultiAz from './resilience/dmsMultiAz.js';
import dmsReplicationCmk from './data-protection/dmsReplicationCmk.js';
import dmsReplicationNotPublic from './network/dmsReplicationNotPublic.js';
import docdbAuditLogExport from './audit/docdbAuditLogExport.js';
import docdbAuditLogsParameter from './audit/docdbAuditLogsParameter.js';
import docdbBackupRetention from './resilience/docdbBackupRetention.js';
import docdbCmk from './data-protection/docdbCmk.js';
import docdbDeletionProtection from './resilience/docdbDeletionProtection.js';
import docdbProfilerLogExport from './audit/docdbProfilerLogExport.js';
import docdbStorageEncrypted from './data-protection/docdbStorageEncrypted.js';
import docdbTlsParameter from './data-protection/docdbTlsParameter.js';
import emrAtRestEncryption from './data-protection/emrAtRestEncryption.js';
import emrBlockPublicAccess from './network/emrBlockPublicAccess.js';
import emrClusterSecurityConfiguration from './data-protection/emrClusterSecurityConfiguration.js';
import emrInTransitEncryption from './data-protection/emrInTransitEncryption.js';
import emrKerberos from './authentication/emrKerberos.js';
import emrPrivateSubnet from './network/emrPrivateSubnet.js';
import firehoseEncrypted from './data-protection/firehoseEncrypted.js';
import fsxAutomaticBackups from './resilience/fsxAutomaticBackups.js';
import fsxCmk from './data-protection/fsxCmk.js';
import glueCatalogEncryption from './data-protection/glueCatalogEncryption.js';
import glueCloudWatchEncryption from './data-protection/glueCloudWatchEncryption.js';
import glueComponentSecurityConfiguration from './data-protection/glueComponentSecurityConfiguration.js';
import glueConnectionPasswordEncryption from './data-protection/glueConnectionPasswordEncryption.js';
import glueJobBookmarksEncryption from './data-protection/glueJobBookmarksEncryption.js';
import glueS3Encryption from './data-protection/glueS3Encryption.js';
import kinesisStreamEncrypted from './data-protection/kinesisStreamEncrypted.js';
import memorydbCmk from './data-protection/memorydbCmk.js';
import memorydbSnapshotRetention from './resilience/memorydbSnapshotRetention.js';
import memorydbTls from './data-protection/memorydbTls.js';
import mqAuditLogging from './audit/mqAuditLogging.js';
import mqAutoMinorUpgrade from './deployment/mqAutoMinorUpgrade.js';
import mqCmk from './data-protection/mqCmk.js';
import mqGeneralLogging from './audit/mqGeneralLogging.js';
import mqNotPublic from './network/mqNotPublic.js';
import mskAtRestCmk from './data-protection/mskAtRestCmk.js';
import mskBrokerLogging from './audit/mskBrokerLogging.js';
import mskClientAuthentication from './authentication/mskClientAuthentication.js';
import mskClientBrokerTls from './data-protection/mskClientBrokerTls.js';
import mskInClusterEncryption from './data-protection/mskInClusterEncryption.js';
import mskNoPublicAccess from './network/mskNoPublicAccess.js';
import neptuneAuditLogExport from './audit/neptuneAuditLogExport.js';
import neptuneAuditLogParameter from './audit/neptuneAuditLogParameter.js';
import neptuneBackupRetention from './resilience/neptuneBackupRetention.js';
import neptuneCmk from './data-protection/neptuneCmk.js';
import neptuneCopyTagsToSnapshot from './resilience/neptuneCopyTagsToSnapshot.js';
import neptuneDeletionProtection from './resilience/neptuneDeletionProtection.js';
import neptuneIamAuth from './authentication/neptuneIamAuth.js';
import neptuneStorageEncrypted from './data-protection/neptuneStorageEncrypted.js';
import sagemakerDomainVpcOnly from './network/sagemakerDomainVpcOnly.js';
import sagemakerEndpointConfigKms from './data-protection/sagemakerEndpointConfigKms.js';
import sagemakerModelNetworkIsolation from './network/sagemakerModelNetworkIsolation.js';
import sagemakerNotebookInVpc from './network/sagemakerNotebookInVpc.js';
import sagemakerNotebookKms from './data-protection/sagemakerNotebookKms.js';
import sagemakerNotebookNoDirectInternet from './network/sagemakerNotebookNoDirectInternet.js';
import sagemakerNotebookNoRootAccess from './iam/sagemakerNotebookNoRootAccess.js';
import transferLogging from './audit/transferLogging.js';
import transferNoFtp from './network/transferNoFtp.js';

export const controls: Control[] = [
  athenaResultEncryption,
  athenaEnforceWorkgroupConfiguration,
  backupVaultCmk,
  backupVaultLock,
  daxEncryptionAtRest,
  daxEndpointTls,
  dmsReplicationNotPublic,
  dmsAutoMinorUpgrade,
  dmsMultiAz,
  dmsEndpointSsl,
  dmsReplicationCmk,
  docdbStorageEncrypted,
  docdbCmk,
  docdbAuditLogExport,
  docdbProfilerLogExport,
  docdbBackupRetention,
  docdbDeletionProtection,
  docdbTlsParameter,
  docdbAuditLogsParameter,
  emrAtRestEncryption,
  emrInTransitEncryption,
  emrClusterSecurityConfiguration,
  emrBlockPublicAccess,
  emrPrivateSubnet,
  emrKerberos,
  fsxCmk,
  fsxAutomaticBackups,
  glueS3Encryption,
  glueCloudWatchEncryption,
  glueJobBookmarksEncryption,
  glueCatalogEncryption,
  glueConnectionPasswordEncryption,
  glueComponentSecurityConfiguration,
  kinesisStreamEncrypted,
  firehoseEncrypted,
  memorydbTls,
  memorydbCmk,
  memorydbSnapshotRetention,
  mqNotPublic,
  mqGeneralLogging,
  mqAuditLogging,
  mqAutoMinorUpgrade,
  mqCmk,
  mskClientBrokerTls,
  mskInClusterEncryption,
  mskAtRestCmk,
  mskNoPublicAccess,
  mskBrokerLogging,
  mskClientAuthentication,
  neptuneStorageEncrypted,
  neptuneCmk,
  neptuneAuditLogExport,
  neptuneIamAuth,
  neptuneBackupRetention,
  neptuneDeletionProtection,
  neptuneCopyTagsToSnapshot,
  neptuneAuditLogParameter,
  sagemakerNotebookNoDirectInternet,
  sagemakerNotebookNoRootAccess,
  sagemakerNotebookKms,
  sagemakerNotebookInVpc,
  sagemakerEndpointConfigKms,
  sagemakerModelNetworkIsolation,
  sagemakerDomainVpcOnly,
  transferNoFtp,
  transferLogging,
];
