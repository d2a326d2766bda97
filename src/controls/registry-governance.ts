// Controls registered by the governance pack. Identity and operations (wave C): IAM, CIS CloudWatch alarms, SNS/SQS, Config, SSM, S3 extras, EFS, ECR, CloudTrail extras, Macie, Inspector.
// One import per control module.
import type { Control } from './api.js';

export const controls: Control[] = [
];
