// Translators for the workloads pack's Terraform types. Platform, edge and compute (wave B): EC2, VPC extras, Network Firewall, load balancers, CloudFront, API Gateway, AppSync, Route 53, ACM, Auto Scaling, Lambda, ECS, Beanstalk, Step Functions, EventBridge.
import type { Attachment, Translator } from './api.js';

const translators: Translator[] = [
];

const attachments: Attachment[] = [
];

export const workloads: { translators: Translator[]; attachments: Attachment[] } = { translators, attachments };
