// Controls registered by the workloads pack. Platform, edge and compute (wave B): EC2, VPC extras, Network Firewall, load balancers, CloudFront, API Gateway, AppSync, Route 53, ACM, Auto Scaling, Lambda, ECS, Beanstalk, Step Functions, EventBridge.
// One import per control module.
import type { Control } from './api.js';

export const controls: Control[] = [
];
