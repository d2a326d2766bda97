/**
 * Compliance readiness: framework checklists decided from findings, attestations and
 * exceptions. No HTTP or UI code: the CLI (src/cli/compliance.ts) and the service share it.
 *
 * Entry points, in the order a caller uses them:
 * - resolveFramework(idOrFamily), selectCategories(catalog, requested): what to assess.
 * - openComplianceStore(db) → ComplianceStore (init() as the schema owner): evidence files
 *   (putFile/getFile/checkFile/checkAll) and the assessment history (addAssessments/assessments).
 * - readEvidence(ledger, store, now, {tenants}) → Register: attestations (files checked),
 *   exceptions, problems. dueThisMonth(register.exceptions, now) for the register's to-do;
 *   templateEntries(findings, now) for template suppressions shown read-only.
 * - assessCompliance({frameworks, findings, serviceFindings?, attestations?, exceptions?, now})
 *   → ComplianceAssessment; assessmentSummaries(assessment) → history rows.
 * - renderChecklistChunks({assessment, scan?, problems?}, format): text, json, markdown, csv, html.
 * - Writes (each validates and names the bad field with a ComplianceInputError, a
 *   LedgerValidationError): recordAttestation, revokeAttestation, requestException,
 *   approveException, reviewException, revokeException; the actor is actorFromPrincipal(p)
 *   in the service, the local operator on the command line.
 */
export * from './types.js';
export * from './util.js';
export * from './assess.js';
export * from './register.js';
export * from './frameworks.js';
export * from './records.js';
export * from './store.js';
export * from './render.js';
