// Importing contributions from a CSV kept before Butin (admin only). A dry run reads, checks and
// reports every row it would refuse and why, writing nothing. The import checks again inside one
// transaction and writes everything or nothing: a single refused row and no row is written.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { type Locale } from '@/lib/i18n/locale';
import { translatorFor } from '@/lib/i18n/translator';
import { insertPlannedContributions } from '@/lib/import/insert';
import { loadImportLookups } from '@/lib/import/lookups';
import { parseRows } from '@/lib/import/parse-rows';
import { planImport, type DuplicateRow, type ImportPlan } from '@/lib/import/plan';
import type { RefusedRow } from '@/lib/import/reasons';

/** What a dry run finds, or why an import wrote nothing. */
export type ImportCheck = {
  mode: 'dry-run' | 'import';
  imported: false;
  /** True when every row can be imported. */
  ok: boolean;
  rows: number;
  wouldCreate: number;
  totalMinutes: number;
  refused: RefusedRow[];
  /** Rows identical to a stored contribution or an earlier row: imported, but worth a look. */
  duplicates: DuplicateRow[];
  ignoredColumns: string[];
};

export type ImportDone = {
  mode: 'import';
  imported: true;
  ok: true;
  importId: string;
  rows: number;
  created: number;
  status: 'SUBMITTED' | 'APPROVED';
  totalMinutes: number;
  ignoredColumns: string[];
};

export type ImportOutcome = ImportCheck | ImportDone;

export type ImportOptions = {
  actor: Actor;
  csv: string;
  mode: 'dry-run' | 'import';
  /** Import as APPROVED, reviewed by the admin: only periods that are over. */
  approve?: boolean;
  /** Named in each contribution's history. */
  fileName?: string;
  /** The language of the history comments (the admin's). */
  locale?: Locale;
};

// Thousands of rows are a few large statements, yet more than Prisma's default 5 s on a slow disk.
const TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

function check(mode: ImportCheck['mode'], plan: ImportPlan, ignoredColumns: string[]): ImportCheck {
  return {
    mode,
    imported: false,
    ok: plan.refused.length === 0,
    rows: plan.rows,
    wouldCreate: plan.planned.length,
    totalMinutes: plan.planned.reduce((sum, row) => sum + row.minutes, 0),
    refused: plan.refused,
    duplicates: plan.duplicates,
    ignoredColumns,
  };
}

export async function importContributions(options: ImportOptions): Promise<ImportOutcome> {
  const { actor, mode } = options;
  assertCan(actor, 'contributions.import');
  const approve = options.approve ?? false;
  const parsed = parseRows(options.csv);
  if (!parsed.ok)
    return {
      mode,
      imported: false,
      ok: false,
      rows: 0,
      wouldCreate: 0,
      totalMinutes: 0,
      refused: parsed.refused,
      duplicates: [],
      ignoredColumns: [],
    };

  if (mode === 'dry-run') {
    const lookups = await loadImportLookups(db(), parsed.rows);
    return check(mode, planImport(parsed.rows, lookups, { approve, actorId: actor.id }), parsed.ignoredColumns);
  }

  const locale = options.locale ?? 'fr';
  const importId = randomBytes(4).toString('hex');
  const file = options.fileName?.trim() || 'CSV';
  return db().$transaction(async (tx): Promise<ImportOutcome> => {
    const lookups = await loadImportLookups(tx, parsed.rows, { lockPeriods: true });
    const plan = planImport(parsed.rows, lookups, { approve, actorId: actor.id });
    if (plan.refused.length > 0) return check(mode, plan, parsed.ignoredColumns);

    await insertPlannedContributions(tx, plan.planned, {
      actorId: actor.id,
      approve,
      importedComment: (row) => translatorFor(locale)('import.historyImported', { importId, file, line: row.line }),
      approvedComment: translatorFor(locale)('import.historyApproved'),
    });
    const status = approve ? ('APPROVED' as const) : ('SUBMITTED' as const);
    const totalMinutes = plan.planned.reduce((sum, row) => sum + row.minutes, 0);
    const perPeriod: Record<string, number> = {};
    for (const row of plan.planned) perPeriod[row.periodId] = (perPeriod[row.periodId] ?? 0) + 1;
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'contributions.imported',
      entityType: 'import',
      entityId: importId,
      data: {
        fileName: options.fileName ?? null,
        rows: plan.rows,
        created: plan.planned.length,
        status,
        totalMinutes,
        perPeriod,
      },
    });
    return {
      mode,
      imported: true,
      ok: true,
      importId,
      rows: plan.rows,
      created: plan.planned.length,
      status,
      totalMinutes,
      ignoredColumns: parsed.ignoredColumns,
    };
  }, TRANSACTION);
}
