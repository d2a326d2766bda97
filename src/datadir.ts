/**
 * Attest's local data folder (`.attest/` by default: ledger, HMAC and signing keys, the dev
 * issuer's key, the denial spool). It holds secrets and personal data, and it usually sits
 * in a repository's working tree (the directory `attest serve` or `attest ledger` runs in),
 * so every folder Attest creates is owner-only and the data folder ignores itself in git:
 * a `.gitignore` of `*` inside it keeps `git add -A` from ever committing a key, without
 * touching the repository's own .gitignore.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export const DATA_DIR_NAME = '.attest';

const IGNORE_ALL = '# Attest data: keys, ledger and personal data. Never commit this folder.\n*\n';

/** Creates `dir` (and its parents) owner-only (0700) and marks the data folder it lies in. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const root = dataRootOf(dir);
  if (!root) return;
  try {
    writeFileSync(join(root, '.gitignore'), IGNORE_ALL, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    // Already there (kept as its owner wrote it), or a read-only folder: nothing to add.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST' && (e as NodeJS.ErrnoException).code !== 'EROFS') throw e;
  }
}

/** The nearest folder named `.attest` at or above `dir`, if any. */
export function dataRootOf(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (basename(d) === DATA_DIR_NAME) return d;
    if (dirname(d) === d) return undefined;
  }
}
