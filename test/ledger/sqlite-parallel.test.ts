// The shared suite — every tampering case included — with verification split across two
// threads from the smallest ledger on, so the parallel path must name the same first bad
// seq as the sequential one.
import { ledgerSuite } from './suite.js';
import { sqliteFactory } from './sqlite-factory.js';

process.env['ATTEST_VERIFY_PARALLEL_MIN'] = '2';
ledgerSuite({ ...sqliteFactory, name: 'sqlite (two-thread verification)' });
