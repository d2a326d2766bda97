import type { Control } from '../api.js';

export const controls: Control[] = [];
