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

/** A member of a zip file on disk, as its central directory lists it. */
export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Reads a zip file's central directory (no zip64: members and archive under 4 GiB). */
export function zipEntries(path: string): ZipEntryInfo[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    readSync(fd, tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    if (eocd < 0) throw new ZipError('not a readable zip archive (no end of central directory)');
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || count === 0xffff) throw new ZipError('zip64 archives are not supported');
    if (cdOffset + cdSize > size) throw new ZipError('not a readable zip archive (central directory out of range)');
    const cd = Buffer.alloc(cdSize);
    readSync(fd, cd, 0, cdSize, cdOffset);
    const out: ZipEntryInfo[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new ZipError('not a readable zip archive (bad central directory entry)');
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const e = { name: cd.toString('utf8', p + 46, p + 46 + nameLen), method: cd.readUInt16LE(p + 10), compressedSize: cd.readUInt32LE(p + 20), size: cd.readUInt32LE(p + 24), localOffset: cd.readUInt32LE(p + 42) };
      if (e.method !== 0 && e.method !== 8) throw new ZipError(`${e.name}: compression method ${e.method} is not supported`);
      if (!e.name.endsWith('/')) out.push(e);
      p += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

/** Streams one member's uncompressed bytes to `onChunk`. */
export async function readZipEntry(path: string, e: ZipEntryInfo, onChunk: (b: Buffer) => void): Promise<void> {
  const fd = openSync(path, 'r');
  let start: number;
  try {
    const h = Buffer.alloc(30);
    readSync(fd, h, 0, 30, e.localOffset);
    if (h.readUInt32LE(0) !== 0x04034b50) throw new ZipError(`${e.name}: bad local header`);
    start = e.localOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  } finally {
    closeSync(fd);
  }
  const { createReadStream } = await import('node:fs');
  const { createInflateRaw } = await import('node:zlib');
  const raw = e.compressedSize ? createReadStream(path, { start, end: start + e.compressedSize - 1 }) : (await import('node:stream')).Readable.from([]);
  const stream = e.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  await new Promise<void>((resolve, reject) => {
    raw.on('error', reject);
    stream.on('error', (err: Error) => reject(new ZipError(`${e.name}: cannot be decompressed (${err.message})`)));
    stream.on('data', (c: Buffer) => onChunk(c));
    stream.on('end', () => resolve());
  });
}
