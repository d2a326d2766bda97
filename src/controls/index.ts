import type { Control } from './api.js';
import { controls as audit } from './audit/index.js';
import { controls as authentication } from './authentication/index.js';
import { controls as authorization } from './authorization/index.js';
import { controls as dataProtection } from './data-protection/index.js';
import { controls as deployment } from './deployment/index.js';
import { controls as iam } from './iam/index.js';
import { controls as network } from './network/index.js';
import { controls as resilience } from './resilience/index.js';
import { controls as resourceGovernance } from './resource-governance/index.js';

/** The whole catalog, in a stable order. */
export const CONTROLS: Control[] = [
  ...authentication, ...authorization, ...iam, ...dataProtection, ...resourceGovernance,
  ...network, ...audit, ...deployment, ...resilience,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
