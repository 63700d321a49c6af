import type { Logger } from '../logging/logger';
import type { SyncModernGovResult } from '../services/sync/sync-moderngov';

export interface ModernGovSyncJobOptions {
  /** Between the end of one run and the start of the next. */
  readonly everyMs: number;
  /** Before the first run after start (the instance settles first). */
  readonly firstRunAfterMs: number;
}

/**
 * The sync inside the bot process: one run now and then, on every instance; the sync lease (taken by the use case)
 * lets one of them do it while the others find it held and wait for the next turn. A run that fails is logged
 * and the next one comes as usual; stopping waits for a run in flight, within the grace period.
 */
export class ModernGovSyncJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly run: (signal: AbortSignal) => Promise<SyncModernGovResult>,
    private readonly logger: Logger,
    private readonly options: ModernGovSyncJobOptions,
  ) {}

  private readonly abort = new AbortController();

  start(): void {
    this.schedule(this.options.firstRunAfterMs);
  }

  private schedule(afterMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.once().finally(() => {
        this.running = undefined;
        this.schedule(this.options.everyMs);
      });
    }, afterMs);
    this.timer.unref();
  }

  private async once(): Promise<void> {
    try {
      const result = await this.run(this.abort.signal);
      if (!result.ran) {
        this.logger.debug({ heldBy: result.heldBy }, 'ModernGov sync: another instance is syncing');
        return;
      }
      for (const run of result.runs) {
        const summary = { committeeId: run.committeeId, seen: run.meetingsSeen, imported: run.imported, unchanged: run.unchanged, failed: run.failed.length };
        if (run.failed.length > 0) this.logger.warn({ ...summary, failures: run.failed.slice(0, 5) }, 'ModernGov sync: some meetings could not be synced');
        else this.logger.info(summary, 'ModernGov sync');
      }
    } catch (err) {
      this.logger.error({ err }, 'ModernGov sync failed; it will be tried again at the next turn');
    }
  }

  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort();
    if (this.running) {
      await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    }
  }
}
