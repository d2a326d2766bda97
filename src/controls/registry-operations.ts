// Controls registered by the operations pack. One import per control module.
import type { Control } from './api.js';

export const controls: Control[] = [];
