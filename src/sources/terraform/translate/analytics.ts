// Translators for the analytics pack's Terraform types. Analytics and data platforms (wave A): DocumentDB, Neptune, MSK, MQ, Glue, Athena, EMR, SageMaker, DMS, FSx, MemoryDB, DAX, Transfer, Backup vaults.
import type { Attachment, Translator } from './api.js';

const translators: Translator[] = [
];

const attachments: Attachment[] = [
];

export const analytics: { translators: Translator[]; attachments: Attachment[] } = { translators, attachments };
