/** `attest detect run`: the detection rules over an existing ledger, from the saved cursor. */
import { one, parseArgs, UsageError } from './args.js';
import { ConfigError, loadConfig } from '../config.js';
import { Detector } from '../detection/detector.js';
import { DEFAULT_DETECTION } from '../detection/rules.js';
import { COMMON, withLedger } from './ledger.js';
import { DEFAULT_NOTIFY, type NotifyConfig } from '../notify/config.js';
import { Notifier, type NotifyLog } from '../notify/notifier.js';

export const DETECT_HELP = `Usage: attest detect run [--db DB] [--keys DIR] [--config FILE]

Runs the detection rules (config section "detection", see README "Detection") over the
ledger's records after the saved cursor, appends an alert.raised record for each alert, saves
the cursor and prints a JSON summary. Each raised alert is delivered to the channels of the
config's "notify" section (email, webhook; see README "Alerts and their delivery") before the
command exits; a delivery that fails every try is recorded as alert.delivery.failed and the
command exits 1. It takes the same database lease as 'attest serve': when
a running service holds it, this command refuses (exit 2) rather than evaluate twice.

Options:
      --db DB        ledger database (SQLite path or postgres:// URL; default: config ledger.db)
      --keys DIR     ledger key directory (default: config ledger.keys)
      --config FILE  config file (default: $ATTEST_CONFIG, else ./attest.config.json)
  -h, --help         this help

Example:
  attest detect run --db .attest/ledger.db
`;

export async function runDetect(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    process.stdout.write(DETECT_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'run') throw new UsageError(`unknown detect command ${JSON.stringify(sub)}; the command is: attest detect run`);
  const a = parseArgs(rest, { ...COMMON }, { h: 'help' });
  if (a.flags.has('help')) {
    process.stdout.write(DETECT_HELP);
    return 0;
  }
  let config = DEFAULT_DETECTION;
  let notify: NotifyConfig = DEFAULT_NOTIFY;
  try {
    const cfg = loadConfig(one(a, 'config'));
    config = cfg.detection ?? DEFAULT_DETECTION;
    notify = cfg.notify ?? DEFAULT_NOTIFY;
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  return withLedger(a, false, async (ledger) => {
    const d = new Detector({ ledger, config, instanceId: `cli-${process.pid}` });
    const alerts: Array<{ seq: number; alertId: string; severity: string; subject: string; title: string }> = [];
    d.onAlert((x) => alerts.push({ seq: x.seq, alertId: x.alert.alertId, severity: x.alert.severity, subject: x.alert.subject, title: x.alert.title }));
    // Delivery as the service does it: the notifier sees this process's alert.raised appends, so it
    // listens before the detector starts (taking the lease already evaluates what is pending).
    const delivery = { channels: notify.channels.map((c) => c.name), delivered: 0, deadLetters: 0 };
    const stderrLog = (level: string) => (o: object, msg: string) => process.stderr.write(`attest: ${level}: ${msg} ${JSON.stringify(o)}\n`);
    const log: NotifyLog = {
      info: (_o, msg) => { if (msg === 'alert delivered') delivery.delivered++; },
      warn: stderrLog('warning'),
      error: (o, msg) => { delivery.deadLetters++; stderrLog('error')(o, msg); },
    };
    const notifier = notify.channels.length ? new Notifier({ ledger, config: notify, log }) : undefined;
    notifier?.start();
    let through: number;
    try {
      if (!(await d.start())) {
        await d.close({ release: false });
        process.stderr.write('attest: another instance (a running attest serve) holds the detection lease for this ledger; it evaluates already. Stop it, or let it do the work.\n');
        return 2;
      }
      await d.sync();
      through = d.evaluatedThrough;
      await d.close({ release: true });
    } finally {
      await notifier?.close();
    }
    process.stdout.write(`${JSON.stringify({ evaluatedThrough: through, raised: alerts.length, alerts, delivery }, null, 2)}\n`);
    return delivery.deadLetters ? 1 : 0;
  });
}
