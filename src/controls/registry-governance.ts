// Controls registered by the governance pack. Identity and operations (wave C): IAM, CIS CloudWatch alarms, SNS/SQS, Config, SSM, S3 extras, EFS, ECR, CloudTrail extras, Macie, Inspector.
// One import per control module.
import type { Control } from './api.js';
import cisAlarmUnauthorizedApiCalls from './audit/cisAlarmUnauthorizedApiCalls.js';
import cisAlarmConsoleSignInWithoutMfa from './audit/cisAlarmConsoleSignInWithoutMfa.js';
import cisAlarmRootAccountUsage from './audit/cisAlarmRootAccountUsage.js';
import cisAlarmIamPolicyChanges from './audit/cisAlarmIamPolicyChanges.js';
import cisAlarmCloudTrailChanges from './audit/cisAlarmCloudTrailChanges.js';
import cisAlarmConsoleAuthFailures from './audit/cisAlarmConsoleAuthFailures.js';
import cisAlarmKmsKeyDisableOrDeletion from './audit/cisAlarmKmsKeyDisableOrDeletion.js';
import cisAlarmS3BucketPolicyChanges from './audit/cisAlarmS3BucketPolicyChanges.js';
import cisAlarmConfigChanges from './audit/cisAlarmConfigChanges.js';
import cisAlarmSecurityGroupChanges from './audit/cisAlarmSecurityGroupChanges.js';
import cisAlarmNaclChanges from './audit/cisAlarmNaclChanges.js';
import cisAlarmNetworkGatewayChanges from './audit/cisAlarmNetworkGatewayChanges.js';
import cisAlarmRouteTableChanges from './audit/cisAlarmRouteTableChanges.js';
import cisAlarmVpcChanges from './audit/cisAlarmVpcChanges.js';
import cisAlarmOrganizationsChanges from './audit/cisAlarmOrganizationsChanges.js';
import passwordPolicyMinLength from './iam/passwordPolicyMinLength.js';
import passwordPolicyReuse from './iam/passwordPolicyReuse.js';
import passwordPolicyMaxAge from './iam/passwordPolicyMaxAge.js';
import passwordPolicyComplexity from './iam/passwordPolicyComplexity.js';
import s3OwnershipEnforced from './data-protection/s3OwnershipEnforced.js';
import s3AccountPublicAccessBlock from './data-protection/s3AccountPublicAccessBlock.js';
import s3LifecycleConfigured from './resource-governance/s3LifecycleConfigured.js';
import s3EventNotifications from './audit/s3EventNotifications.js';
import s3AccessPointBlockPublic from './data-protection/s3AccessPointBlockPublic.js';
import s3BucketKey from './data-protection/s3BucketKey.js';
import snsTopicPolicyNotPublic from './data-protection/snsTopicPolicyNotPublic.js';
import snsDeliveryStatusLogging from './audit/snsDeliveryStatusLogging.js';
import sqsQueuePolicyNotPublic from './data-protection/sqsQueuePolicyNotPublic.js';
import sqsDeadLetterQueue from './resilience/sqsDeadLetterQueue.js';
import ecrLifecyclePolicy from './resource-governance/ecrLifecyclePolicy.js';
import ecrRepositoryPolicyNotPublic from './data-protection/ecrRepositoryPolicyNotPublic.js';
import efsAccessPointPosixUser from './authorization/efsAccessPointPosixUser.js';
import efsAccessPointRootDirectory from './authorization/efsAccessPointRootDirectory.js';
import efsPolicyRequiresTls from './data-protection/efsPolicyRequiresTls.js';
import efsPolicyNotPublic from './data-protection/efsPolicyNotPublic.js';
import cloudTrailS3DataEvents from './audit/cloudTrailS3DataEvents.js';
import cloudTrailSnsNotification from './audit/cloudTrailSnsNotification.js';
import cloudTrailInsights from './audit/cloudTrailInsights.js';
import configRecorderRunning from './audit/configRecorderRunning.js';
import configAggregatorAllRegions from './audit/configAggregatorAllRegions.js';
import logGroupRetentionYear from './audit/logGroupRetentionYear.js';
import macieEnabled from './audit/macieEnabled.js';
import inspectorEnabled from './audit/inspectorEnabled.js';
import ssmDocumentNotPublic from './data-protection/ssmDocumentNotPublic.js';
import ssmSessionEncrypted from './data-protection/ssmSessionEncrypted.js';
import ssmSessionLogging from './audit/ssmSessionLogging.js';
import trustGithubSubjectPinned from './iam/trustGithubSubjectPinned.js';
import sqsQueuePolicyNoWildcardAction from './authorization/sqsQueuePolicyNoWildcardAction.js';
import snsSubscriptionHttps from './data-protection/snsSubscriptionHttps.js';
import ecrRegistryScanning from './data-protection/ecrRegistryScanning.js';

export const controls: Control[] = [
  cisAlarmUnauthorizedApiCalls, cisAlarmConsoleSignInWithoutMfa, cisAlarmRootAccountUsage, cisAlarmIamPolicyChanges, cisAlarmCloudTrailChanges, cisAlarmConsoleAuthFailures, cisAlarmKmsKeyDisableOrDeletion, cisAlarmS3BucketPolicyChanges, cisAlarmConfigChanges, cisAlarmSecurityGroupChanges, cisAlarmNaclChanges, cisAlarmNetworkGatewayChanges, cisAlarmRouteTableChanges, cisAlarmVpcChanges, cisAlarmOrganizationsChanges,
  passwordPolicyMinLength, passwordPolicyReuse, passwordPolicyMaxAge, passwordPolicyComplexity, s3OwnershipEnforced, s3AccountPublicAccessBlock, s3LifecycleConfigured, s3EventNotifications, s3AccessPointBlockPublic, s3BucketKey,
  snsTopicPolicyNotPublic, snsDeliveryStatusLogging, sqsQueuePolicyNotPublic, sqsDeadLetterQueue, ecrLifecyclePolicy, ecrRepositoryPolicyNotPublic, efsAccessPointPosixUser, efsAccessPointRootDirectory, efsPolicyRequiresTls, efsPolicyNotPublic,
  cloudTrailS3DataEvents, cloudTrailSnsNotification, cloudTrailInsights, configRecorderRunning, configAggregatorAllRegions, logGroupRetentionYear, macieEnabled, inspectorEnabled, ssmDocumentNotPublic, ssmSessionEncrypted, ssmSessionLogging, trustGithubSubjectPinned,
  sqsQueuePolicyNoWildcardAction, snsSubscriptionHttps,
  ecrRegistryScanning,
];
