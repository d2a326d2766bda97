/**
 * Background jobs of the service (compliance reports and evidence bundles): a queue, at most
 * `concurrency` worker threads at a time, results written to a folder of the data directory
 * and removed after `ttlMs`. Job state lives in memory only: a restart forgets every job
 * (queued, running and finished), and the folder's leftovers are removed when the manager
 * starts, so a file is never served without the record of who asked for it.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { privateDir } from '../../datadir.js';
import { catalogName, REPORT_EXTENSIONS, type ReportFormat } from '../../compliance/report-output.js';
import type { ComplianceActor } from '../../compliance/types.js';
import type { JobArtefact, JobKind, JobSummary, WorkerInput, WorkerMessage } from './types.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobOwner {
  /** principalKey(): issuer and subject, what visibility compares. */
  key: string;
  actor: { id: string; type: 'user' | 'service' };
  /** The actor of the ledger record written when the job is done (actorFromPrincipal). */
  recordActor: ComplianceActor;
}

export interface Job {
  id: string;
  kind: JobKind;
  framework: string;
  format: ReportFormat;
  period: { from: string; to: string };
  owner: JobOwner;
  state: JobState;
  progress: { phase: string; fraction: number };
  error?: string;
  created: string;
  started?: string;
  finished?: string;
  sha256?: string;
  size?: number;
  summary?: JobSummary;
  /** When the result is removed (finished + TTL). */
  expires?: string;
  /** The result and, for reports, its detached signature (absolute paths). */
  file: string;
  sigFile?: string;
  /** The download's file name. */
  filename: string;
  /** OSCAL reports: the catalog the results resolve against, and its signature (absolute paths). */
  catalog?: { file: string; sigFile: string; filename: string };
  /** Every file made, with its SHA-256 and size (done). */
  artefacts?: JobArtefact[];
  /** The ledger key that signed the files (done). */
  signedBy?: string;
}

export interface JobManagerOptions {
  dir: string;
  concurrency: number;
  ttlMs: number;
  /** Jobs waiting beyond the running ones; more are refused (JobQueueFullError). */
  maxQueued: number;
  /** How often expired results are removed (default: a quarter of the TTL, at most a minute). */
  sweepMs?: number;
  /** The worker's module (tests may substitute one). */
  workerUrl?: URL;
}

export class JobQueueFullError extends Error {}

const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class JobManager {
  private jobs = new Map<string, Job>();
  private queue: { job: Job; input: Omit<WorkerInput, 'dir' | 'filename'> }[] = [];
  private running = new Map<string, Worker>();
  private timer?: NodeJS.Timeout;
  private closed = false;
  /** Where failed jobs and cleanup failures are reported (the server's log). */
  onError: (message: string) => void = () => undefined;
  /**
   * Called when a job's files are made, before it is marked done (the service appends the
   * ledger record of who generated what); a failure here fails the job.
   */
  onDone: (job: Job) => Promise<void> = async () => undefined;

  constructor(private readonly o: JobManagerOptions) {
    privateDir(o.dir);
    // Nothing survives a restart: results of a previous run have no job (and no owner) any more.
    for (const name of readdirSync(o.dir)) if (JOB_ID.test(name)) rmSync(join(o.dir, name), { recursive: true, force: true });
    const every = o.sweepMs ?? Math.min(Math.max(o.ttlMs / 4, 1000), 60_000);
    this.timer = setInterval(() => this.sweep(), every);
    this.timer.unref();
  }

  get dir(): string {
    return this.o.dir;
  }

  submit(meta: Pick<Job, 'kind' | 'framework' | 'format' | 'period' | 'owner'>, input: Omit<WorkerInput, 'dir' | 'filename'>): Job {
    if (this.closed) throw new Error('the server is shutting down');
    if (this.queue.length >= this.o.maxQueued) throw new JobQueueFullError(`${this.queue.length} job(s) are already waiting (server.jobs.maxQueued); retry when one has finished`);
    const id = randomUUID();
    const folder = join(this.o.dir, id);
    const ext = meta.kind === 'bundle' ? 'zip' : REPORT_EXTENSIONS[meta.format];
    const day = input.now.slice(0, 10);
    const filename = `${meta.framework}-${meta.kind === 'bundle' ? 'bundle' : 'report'}-${day}.${ext}`;
    const job: Job = {
      id,
      ...meta,
      state: 'queued',
      progress: { phase: 'queued', fraction: 0 },
      created: new Date().toISOString(),
      file: join(folder, filename),
      ...(meta.kind === 'report' ? { sigFile: join(folder, `${filename}.sig`) } : {}),
      filename,
      ...(meta.kind === 'report' && meta.format === 'oscal' ? { catalog: { file: join(folder, catalogName(filename)), sigFile: join(folder, `${catalogName(filename)}.sig`), filename: catalogName(filename) } } : {}),
    };
    this.jobs.set(id, job);
    this.queue.push({ job, input });
    this.pump();
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  list(): Job[] {
    return [...this.jobs.values()].sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0));
  }

  /** How many are running and waiting (the self-assessment and tests read it). */
  get load(): { running: number; queued: number } {
    return { running: this.running.size, queued: this.queue.length };
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.o.concurrency && this.queue.length) {
      const { job, input } = this.queue.shift()!;
      this.start(job, input);
    }
  }

  private start(job: Job, input: Omit<WorkerInput, 'dir' | 'filename'>): void {
    privateDir(join(this.o.dir, job.id));
    job.state = 'running';
    job.started = new Date().toISOString();
    job.progress = { phase: 'starting', fraction: 0 };
    const workerData: WorkerInput = { ...input, dir: join(this.o.dir, job.id), filename: job.filename };
    let worker: Worker;
    try {
      worker = new Worker(this.o.workerUrl ?? new URL('./worker.js', import.meta.url), { workerData });
    } catch (e) {
      void this.finish(job, { type: 'failed', error: `the job's worker thread could not start: ${(e as Error).message}` });
      return;
    }
    this.running.set(job.id, worker);
    let ended = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') {
        if (job.state === 'running') job.progress = { phase: m.phase, fraction: Math.min(Math.max(m.fraction, job.progress.fraction), 1) };
        return;
      }
      ended = true;
      void this.finish(job, m);
    });
    worker.on('error', (e) => {
      if (!ended) { ended = true; void this.finish(job, { type: 'failed', error: `the job's worker thread failed: ${e.message}` }); }
    });
    worker.on('exit', (code) => {
      this.running.delete(job.id);
      if (!ended) { ended = true; void this.finish(job, { type: 'failed', error: this.closed ? 'the server shut down while the job ran; create it again' : `the job's worker thread exited (code ${code}) before finishing` }); }
      this.pump();
    });
  }

  private async finish(job: Job, m: Extract<WorkerMessage, { type: 'done' | 'failed' }>): Promise<void> {
    if (m.type === 'done') {
      const main = m.artefacts.find((f) => f.part !== 'catalog');
      job.artefacts = m.artefacts;
      job.signedBy = m.signedBy;
      if (main) { job.sha256 = main.sha256; job.size = main.size; }
      job.summary = m.summary;
      job.progress = { phase: 'recording', fraction: Math.max(job.progress.fraction, 0.99) };
      if (!main) m = { type: 'failed', error: 'the job\'s worker reported no result file' };
      else {
        try {
          await this.onDone(job);
        } catch (e) {
          m = { type: 'failed', error: `the result could not be recorded in the ledger: ${(e as Error).message}` };
        }
      }
    }
    job.finished = new Date().toISOString();
    job.expires = new Date(Date.now() + this.o.ttlMs).toISOString();
    if (m.type === 'done') {
      job.state = 'done';
      job.progress = { phase: 'done', fraction: 1 };
    } else {
      job.state = 'failed';
      job.error = m.error;
      delete job.artefacts;
      delete job.signedBy;
      delete job.sha256;
      delete job.size;
      job.progress = { phase: 'failed', fraction: job.progress.fraction };
      rmSync(join(this.o.dir, job.id), { recursive: true, force: true });
      this.onError(`${job.kind} job ${job.id} (${job.framework}) failed: ${m.error}`);
    }
  }

  /** Removes finished jobs past their TTL, with their files. */
  sweep(now = Date.now()): number {
    let removed = 0;
    for (const job of this.jobs.values()) {
      if (job.expires && Date.parse(job.expires) <= now) {
        this.jobs.delete(job.id);
        try {
          rmSync(join(this.o.dir, job.id), { recursive: true, force: true });
        } catch (e) {
          this.onError(`job ${job.id}: its files could not be removed: ${(e as Error).message}`);
        }
        removed++;
      }
    }
    return removed;
  }

  /** Stops the workers (their jobs fail), forgets the queue and removes every result: nothing survives a restart. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const { job } of this.queue.splice(0)) void this.finish(job, { type: 'failed', error: 'the server shut down before the job started; create it again' });
    await Promise.all([...this.running.values()].map((w) => w.terminate().catch(() => 0)));
    for (const id of this.jobs.keys()) rmSync(join(this.o.dir, id), { recursive: true, force: true });
  }
}
