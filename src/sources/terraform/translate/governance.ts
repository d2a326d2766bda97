// Translators for the governance pack's Terraform types. Identity and operations (wave C): IAM, CIS CloudWatch alarms, SNS/SQS, Config, SSM, S3 extras, EFS, ECR, CloudTrail extras, Macie, Inspector.
import type { Attachment, Translator } from './api.js';

const translators: Translator[] = [
];

const attachments: Attachment[] = [
];

export const governance: { translators: Translator[]; attachments: Attachment[] } = { translators, attachments };
