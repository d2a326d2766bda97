// Controls registered by the analytics pack. Analytics and data platforms (wave A): DocumentDB, Neptune, MSK, MQ, Glue, Athena, EMR, SageMaker, DMS, FSx, MemoryDB, DAX, Transfer, Backup vaults.
// One import per control module.
import type { Control } from './api.js';

export const controls: Control[] = [
];
