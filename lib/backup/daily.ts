// The daily backup of an embedded installation (`npm start` without DATABASE_URL): once a day,
// a backup into BUTIN_DATA_DIR/backups, keeping the newest BUTIN_BACKUP_DAYS (14 by default; 0
// turns it off). It checks every hour whether the newest backup is a day old, so a laptop that
// sleeps through the night still gets its backup when it wakes. A failure is logged, never fatal.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { takeBackup } from './backup';
import { backupFileName, backupsToPrune } from './format';

const DAY_MS = 24 * 60 * 60_000;

/** How many daily backups to keep: BUTIN_BACKUP_DAYS, 14 when unset, 0 = off. */
export function backupDaysFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 14;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 0)
    throw new Error(`BUTIN_BACKUP_DAYS must be a whole number ≥ 0, not "${value}"`);
  return days;
}

/** Whether a backup is due: none yet, or the newest (by its name's date) is a day old. */
export function backupDue(names: readonly string[], now: Date): boolean {
  const dated = names
    .map((name) => /^butin-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})Z\.butin-backup\.gz$/.exec(name))
    .filter((match) => match !== null)
    .map((match) => Date.parse(`${match[1]}T${match[2]}:${match[3]}:00Z`));
  if (dated.length === 0) return true;
  return now.getTime() - Math.max(...dated) >= DAY_MS - 60_000;
}

export type DailyBackups = { stop: () => void; check: () => Promise<string | null> };

export function startDailyBackups(options: {
  databaseUrl: string;
  dataDir: string;
  days?: number;
  log?: (line: string) => void;
  /** How often to check (an hour); the first check comes after `firstCheckMs` (a minute). */
  checkEveryMs?: number;
  firstCheckMs?: number;
  now?: () => Date;
}): DailyBackups {
  const log = options.log ?? (() => undefined);
  const days = options.days ?? backupDaysFrom(process.env.BUTIN_BACKUP_DAYS);
  const folder = path.join(options.dataDir, 'backups');
  const now = options.now ?? (() => new Date());
  let running: Promise<string | null> | null = null;

  const check = async (): Promise<string | null> => {
    if (days === 0) return null;
    fs.mkdirSync(folder, { recursive: true });
    if (!backupDue(fs.readdirSync(folder), now())) return null;
    const file = path.join(folder, backupFileName(now()));
    try {
      const result = await takeBackup({ databaseUrl: options.databaseUrl, file });
      const rows = Object.values(result.manifest.counts).reduce((sum, table) => sum + table.rows, 0);
      log(`daily backup: ${result.file} (${rows} rows, ${(result.bytes / 1024).toFixed(0)} KiB)`);
      for (const old of backupsToPrune(fs.readdirSync(folder), days)) {
        fs.rmSync(path.join(folder, old), { force: true });
        log(`daily backup: removed ${old} (keeping the last ${days})`);
      }
      return result.file;
    } catch (error) {
      log(`daily backup FAILED: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
  const guarded = () => (running ??= check().finally(() => (running = null)));

  if (days === 0) {
    log('daily backups are off (BUTIN_BACKUP_DAYS=0)');
    return { stop: () => undefined, check: guarded };
  }
  const first = setTimeout(() => void guarded(), options.firstCheckMs ?? 60_000);
  const every = setInterval(() => void guarded(), options.checkEveryMs ?? 60 * 60_000);
  first.unref();
  every.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(every);
    },
    check: guarded,
  };
}
