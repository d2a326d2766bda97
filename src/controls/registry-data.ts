// Controls registered by the data pack. One import per control module.
import type { Control } from './api.js';
import rdsStorageEncrypted from './data-protection/rdsStorageEncrypted.js';
import s3PublicAccessBlock from './data-protection/s3PublicAccessBlock.js';

export const controls: Control[] = [rdsStorageEncrypted, s3PublicAccessBlock];
