// The bundle's page-at-a-time inclusion proofs are exactly the ledger's own, record for record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger } from '../../src/ledger/open.js';
import { ProofMaker } from '../../src/bundle/proofs.js';

test('ProofMaker gives the ledger\'s inclusion proofs, for pages anywhere in a tree that is not a power of two', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-proofs-'));
  const ledger = await openLedger({ db: join(dir, 'l.db'), keysDir: join(dir, 'keys'), createKeys: true });
  try {
    await ledger.append(Array.from({ length: 1037 }, (_, i) => ({ actor: { id: `u${i % 7}`, type: 'user' }, action: 'auth.login', outcome: 'success' })));
    const cp = await ledger.checkpoint();
    assert.equal(cp.size, 1037);
    const maker = new ProofMaker(ledger, cp.size, cp.root);
    for (const seqs of [[1], [1, 2, 3, 17, 18], Array.from({ length: 300 }, (_, i) => i + 700), [1024, 1025, 1036, 1037]]) {
      const lines = await maker.proofs(seqs);
      for (const [i, seq] of seqs.entries()) {
        const p = await ledger.inclusionProof(seq, cp.size);
        assert.deepEqual(lines[i]!.proof, p.proof, `seq ${seq}`);
        assert.equal(lines[i]!.leafHash, p.leafHash);
        assert.deepEqual(lines[i]!.record, p.record);
      }
    }
  } finally {
    await ledger.close();
  }
});
