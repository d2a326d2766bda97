// Controls registered by the network pack. One import per control module.
import type { Control } from './api.js';

export const controls: Control[] = [];
