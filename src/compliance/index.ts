/**
 * Compliance readiness: framework checklists decided from findings, attestations and
 * exceptions (assess), the ledger records behind attestations and the exceptions register
 * (records, register), content-addressed evidence files and assessment history (store), and
 * the checklist renderings (render). No HTTP or UI code: the CLI and the service share it.
 */
export * from './types.js';
export * from './util.js';
export * from './assess.js';
export * from './register.js';
export * from './frameworks.js';
export * from './records.js';
export * from './store.js';
export * from './render.js';
