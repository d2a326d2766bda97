// Each command's module is imported when that command runs: `attest scan` must not load the
// server, the ledger or the database drivers (their import alone took a third of a cold scan's start).
import { UsageError } from './args.js';
import { TOOL_VERSION } from '../report/model.js';
import { unreportedFailure, watchOutput } from './output.js';

const HELP = `attest ${TOOL_VERSION} — proves from your configuration which security controls your platform implements

Usage: attest <command> [options]

Commands:
  scan [path...]     scan CloudFormation/SAM, Terraform and Pulumi and write a compliance report
  controls           list the control catalog
  frameworks         list the framework catalogs (SOC 2, HIPAA, GDPR, NIST CSF, CIS AWS, NIST 800-53)
  checklist FW [path...]  a framework's requirements decided from the scan (and, with --db, the
                     ledger's attestations and exceptions): met / not met / ... with evidence
  evidence <command> manual evidence (attestations) in the ledger: add, list, revoke, verify
  exceptions <command>  the exceptions register: add, approve, review, revoke, list [--due]
  report --framework FW [path...]  the signed report for an auditor (JSON, PDF or OSCAL); report verify FILE
  bundle create|verify  the evidence bundle (zip) an auditor verifies offline (see 'attest bundle --help')
  ledger <command>   the tamper-evident audit trail: append, query, export, verify, checkpoint,
                     proof, consistency, keys, erase-subject (see 'attest ledger --help')
  detect run         the detection rules over the ledger from the saved cursor; appends alerts
  serve              run the HTTP service: compliance report, scans, audit API
                     (see 'attest serve --help' for flags and environment variables)
  dev-token          mint a development token for a server started with 'serve --dev'
  help [command]     show help for a command

Run 'attest <command> --help' for the options of a command.

Exit codes: 0 no failing finding at or above --fail-on; 1 failing findings, unreadable input or no
template found (scan --allow-empty accepts that); checklist: 1 when a requirement is not met
(--fail-on-status); 2 usage error.
`;

/** Entry point; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  // A closed reader on either stream ends the output quietly; the command's exit code stands.
  watchOutput(process.stdout);
  watchOutput(process.stderr);
  const code = await command(argv);
  // Any other write error on stdout (a full disk) lost output the command did not report:
  // watching the stream keeps it from crashing the process, so it must fail the command here.
  const lost = await unreportedFailure(process.stdout);
  if (!lost) return code;
  process.stderr.write(`attest: cannot write to standard output: ${lost.code ?? lost.message}\n`);
  return code === 0 ? 1 : code;
}

async function command(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case undefined:
      case 'help':
      case '--help':
      case '-h': {
        const topic = rest[0];
        process.stdout.write((topic !== undefined ? await helpOf(topic) : undefined) ?? HELP);
        return 0;
      }
      case '--version':
      case '-V':
      case 'version':
        process.stdout.write(`${TOOL_VERSION}\n`);
        return 0;
      case 'scan':
        return await (await import('./scan.js')).runScan(rest);
      case 'controls':
        return (await import('./controls.js')).runControls(rest);
      case 'ledger':
        return await (await import('./ledger.js')).runLedger(rest);
      case 'frameworks':
        return (await import('./compliance.js')).runFrameworks(rest);
      case 'checklist':
        return await (await import('./compliance.js')).runChecklist(rest);
      case 'evidence':
        return await (await import('./compliance.js')).runEvidence(rest);
      case 'exceptions':
        return await (await import('./compliance.js')).runExceptions(rest);
      case 'report':
        return await (await import('./compliance.js')).runReport(rest);
      case 'bundle': return await (await import('./bundle.js')).runBundle(rest);
      case 'serve':
        return await (await import('./serve.js')).runServe(rest);
      case 'detect':
        return await (await import('./detect.js')).runDetect(rest);
      case 'dev-token':
        return await (await import('./serve.js')).runDevToken(rest);
      default:
        throw new UsageError(`unknown command ${JSON.stringify(cmd)}; commands are scan, controls, frameworks, checklist, evidence, exceptions, report, bundle, ledger, detect, serve, dev-token, help`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`attest: ${e.message}\nRun 'attest --help' for usage.\n`);
      return 2;
    }
    process.stderr.write(`attest: internal error: ${(e as Error).stack ?? String(e)}\nPlease report this with the command you ran.\n`);
    return 1;
  }
}

/** A command's help text, loading only that command's module. */
async function helpOf(topic: string): Promise<string | undefined> {
  switch (topic) {
    case 'scan': return (await import('./scan.js')).SCAN_HELP;
    case 'controls': return (await import('./controls.js')).CONTROLS_HELP;
    case 'ledger': return (await import('./ledger.js')).LEDGER_HELP;
    case 'serve': return (await import('./serve.js')).SERVE_HELP;
    case 'dev-token': return (await import('./serve.js')).DEV_TOKEN_HELP;
    case 'frameworks': return (await import('./compliance.js')).FRAMEWORKS_HELP;
    case 'checklist': return (await import('./compliance.js')).CHECKLIST_HELP;
    case 'evidence': return (await import('./compliance.js')).EVIDENCE_HELP;
    case 'exceptions': return (await import('./compliance.js')).EXCEPTIONS_HELP;
    case 'report': return (await import('./compliance.js')).REPORT_HELP;
    case 'bundle': return (await import('./bundle.js')).BUNDLE_HELP;
    case 'detect': return (await import('./detect.js')).DETECT_HELP;
    default: return undefined;
  }
}
