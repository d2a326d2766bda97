import type { Control } from '../api.js';
import rdsStorageEncrypted from './rdsStorageEncrypted.js';
import s3PublicAccessBlock from './s3PublicAccessBlock.js';

export const controls: Control[] = [rdsStorageEncrypted, s3PublicAccessBlock];
