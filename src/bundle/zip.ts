/**
 * Zip handling for the evidence bundle (fflate, pure JS): members are stored with fixed
 * timestamps so the same contents give the same archive, and read back as a name → bytes map.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { unzipSync, Zip, ZipDeflate, zipSync, type Zippable } from 'fflate';

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

/**
 * A zip written to a file as it is made: members go in one after the other, each deflated in
 * chunks, so a member read from a file (the records and proofs of a large ledger) never sits
 * in memory whole.
 */
export class ZipFileWriter {
  private readonly fd: number;
  private readonly zip: Zip;
  private error: Error | undefined;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
    this.zip = new Zip((err, chunk) => {
      if (err) { this.error = err; return; }
      writeSync(this.fd, chunk);
    });
  }
  private entry(name: string): ZipDeflate {
    const f = new ZipDeflate(name, { level: 6 });
    f.mtime = FIXED_TIME;
    this.zip.add(f);
    return f;
  }
  addBuffer(name: string, data: Buffer): void {
    this.entry(name).push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), true);
    if (this.error) throw this.error;
  }
  addFile(name: string, path: string): void {
    const f = this.entry(name);
    const src = openSync(path, 'r');
    try {
      const size = fstatSync(src).size;
      const buf = Buffer.alloc(1 << 20);
      let done = 0;
      if (size === 0) f.push(new Uint8Array(0), true);
      while (done < size) {
        const n = readSync(src, buf, 0, buf.length, done);
        if (n <= 0) throw new Error(`${path}: short read`);
        done += n;
        f.push(new Uint8Array(buf.subarray(0, n)), done >= size);
      }
    } finally {
      closeSync(src);
    }
    if (this.error) throw this.error;
  }
  close(): void {
    this.zip.end();
    closeSync(this.fd);
    if (this.error) throw this.error;
  }
}
