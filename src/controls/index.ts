import type { Control } from './api.js';
import { controls as data } from './registry-data.js';
import { controls as identity } from './registry-identity.js';
import { controls as network } from './registry-network.js';
import { controls as operations } from './registry-operations.js';
import { controls as platform } from './registry-platform.js';
import { controls as analyticsPack } from './registry-analytics.js';
import { controls as workloadsPack } from './registry-workloads.js';
import { controls as governancePack } from './registry-governance.js';

/** The whole catalog, in a stable order. Control modules live in one folder per domain. */
export const CONTROLS: Control[] = [
  ...identity, ...network, ...data, ...operations, ...platform,
  ...analyticsPack,
  ...workloadsPack,
  ...governancePack,
]
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
