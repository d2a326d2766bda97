/**
 * Zip handling for the evidence bundle (fflate, pure JS): members are stored with fixed
 * timestamps so the same contents give the same archive, and read back as a name → bytes map.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { crc32, createDeflateRaw, deflateRawSync, type DeflateRaw } from 'node:zlib';
import { unzipSync, Zip, zipSync, type ZipInputFile, type Zippable } from 'fflate';

export type Members = Map<string, Buffer>;

const FIXED_TIME = new Date('2000-01-01T00:00:00Z');
const LEVEL = 6;

export function writeZip(members: Members): Buffer {
  const z: Zippable = {};
  for (const [name, data] of members) z[name] = [new Uint8Array(data.buffer, data.byteOffset, data.byteLength), { mtime: FIXED_TIME, level: LEVEL }];
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
 * A zip written to a file as it is made: members go in one after the other, deflated with
 * the platform's zlib (level 6), so a member read from a file (the records and proofs of a
 * large ledger) never sits in memory whole.
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
  /** Adds a member from its deflated bytes (given in chunks) and the CRC-32 and size of the original. */
  private deflated(name: string, size: number, crc: number, chunks: Iterable<Uint8Array<ArrayBuffer>>): void {
    const f: ZipInputFile = { filename: name, size, crc, compression: 8, mtime: FIXED_TIME };
    this.zip.add(f);
    let prev: Uint8Array<ArrayBuffer> | undefined;
    for (const c of chunks) {
      if (prev) f.ondata!(null, prev, false);
      prev = c;
    }
    f.ondata!(null, prev ?? new Uint8Array(0), true);
    if (this.error) throw this.error;
  }
  addBuffer(name: string, data: Buffer): void {
    this.deflated(name, data.length, crc32(data), [new Uint8Array(deflateRawSync(data, { level: LEVEL }))]);
  }
  /** Adds a member deflated as it was written (DeflatedMember, ended). */
  addDeflated(name: string, m: DeflatedMember): void {
    this.deflated(name, m.bytes, m.crc, fileChunks(m.path));
  }
  close(): void {
    this.zip.end();
    closeSync(this.fd);
    if (this.error) throw this.error;
  }
}

function* fileChunks(path: string): Iterable<Uint8Array<ArrayBuffer>> {
  const src = openSync(path, 'r');
  try {
    const size = fstatSync(src).size;
    const buf = Buffer.alloc(1 << 20);
    for (let done = 0; done < size; ) {
      const n = readSync(src, buf, 0, buf.length, done);
      if (n <= 0) throw new Error(`${path}: short read`);
      done += n;
      yield new Uint8Array(buf.subarray(0, n));
    }
  } finally {
    closeSync(src);
  }
}

/**
 * A large member (the records, the proofs) deflated as it is written: zlib works on the
 * thread pool while the caller makes the next page, into a temporary file, and the SHA-256,
 * CRC-32 and size of the uncompressed bytes are taken on the way. At most one write is in
 * flight: write() waits for zlib to finish the previous one before queueing the next.
 */
export class DeflatedMember {
  private readonly hash = createHash('sha256');
  private readonly fd: number;
  private readonly z: DeflateRaw;
  private pending: Promise<unknown> | undefined;
  private error: Error | undefined;
  private closed = false;
  private buf = Buffer.alloc(0);
  crc = 0;
  bytes = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
    // An output buffer large enough for a page's deflated bytes: one zlib job per page.
    this.z = createDeflateRaw({ level: LEVEL, chunkSize: 1 << 20 });
    this.z.on('data', (c: Buffer) => { try { writeSync(this.fd, c); } catch (e) { this.error ??= e as Error; } });
    this.z.on('error', (e) => { this.error ??= e; });
  }
  /**
   * Appends `text` as UTF-8. The bytes go through one buffer, reused: the previous write is
   * waited for (zlib done with its bytes) before the buffer is filled again.
   */
  async write(text: string): Promise<void> {
    if (this.pending) { const p = this.pending; this.pending = undefined; await p; }
    if (this.error) throw this.error;
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (this.buf.length < text.length * 3) this.buf = Buffer.allocUnsafe(text.length * 3);
    const b = this.buf.subarray(0, this.buf.write(text));
    this.hash.update(b);
    this.crc = crc32(b, this.crc);
    this.bytes += b.length;
    this.pending = new Promise<void>((resolve) => this.z.write(b, (e) => { if (e) this.error ??= e; resolve(); }));
  }
  /** Flushes the deflated bytes to the file; resolves to the SHA-256 (hex) and size of what was written. */
  async end(): Promise<{ sha256: string; bytes: number }> {
    if (this.pending) await this.pending;
    if (this.error) throw this.error;
    this.z.end();
    await finished(this.z);
    this.close();
    if (this.error) throw this.error;
    return { sha256: this.hash.digest('hex'), bytes: this.bytes };
  }
  /** Releases the file (after end(), or when giving up). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.z.destroy();
    closeSync(this.fd);
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
  const raw = e.compressedSize ? createReadStream(path, { start, end: start + e.compressedSize - 1, highWaterMark: 1 << 20 }) : (await import('node:stream')).Readable.from([]);
  const stream = e.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 1 << 20 })) : raw;
  await new Promise<void>((resolve, reject) => {
    raw.on('error', reject);
    stream.on('error', (err: Error) => reject(new ZipError(`${e.name}: cannot be decompressed (${err.message})`)));
    stream.on('data', (c: Buffer) => onChunk(c));
    stream.on('end', () => resolve());
  });
}
