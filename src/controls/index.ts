import type { Control } from './api.js';
import { REGISTERED } from './registry.js';

/**
 * The whole catalog, in a stable order (by id). Control modules live in the folder of their
 * domain; src/controls/registry.ts imports each once and is generated from the folders by
 * scripts/control-registry.mjs (test/controls.test.ts checks it is up to date).
 */
export const CONTROLS: Control[] = REGISTERED.map(([, c]) => c).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
