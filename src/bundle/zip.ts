/**
 * Zip handling for the evidence bundle (fflate, pure JS): members are stored with fixed
 * timestamps so the same contents give the same archive, and read back as a name → bytes map.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

export type Members = Map<string, Buffer>;

const FIXED_TIME = new Date('2000-01-01T00:00:00Z');

export function writeZip(members: Members): Buffer {
  const z: Zippable = {};
  for (const [name, data] of members) z[name] = [new Uint8Array(data.buffer, data.byteOffset, data.byteLength), { mtime: FIXED_TIME, level: 6 }];
  return Buffer.from(zipSync(z));
}

export class ZipError extends Error {}

export function readZip(data: Buffer): Members {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  } catch (e) {
    throw new ZipError(`not a readable zip archive (${(e as Error).message})`);
  }
  const out: Members = new Map();
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    out.set(name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  return out;
}
