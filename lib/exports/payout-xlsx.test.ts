// The payout workbook, written by the streaming writer and read back with exceljs: its sheets,
// a bold frozen header, and real number cells with their formats — cents exact.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPayoutReport } from './payout-report';
import { EUROS_FORMAT, HOURS_FORMAT, writePayoutWorkbook } from './payout-xlsx';
import { WORKED_CHANTIERS, WORKED_PEOPLE, workedResult } from './test-fixtures';

async function workbookOf(locale: 'fr' | 'en' = 'fr'): Promise<{ bytes: Buffer; workbook: ExcelJS.Workbook }> {
  const report = buildPayoutReport({ lines: workedResult().lines, people: WORKED_PEOPLE, chantiers: WORKED_CHANTIERS });
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => output.on('end', resolve));
  await writePayoutWorkbook(report, locale, output);
  await ended;
  const bytes = Buffer.concat(chunks);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, workbook };
}

const header = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);
const column = (sheet: ExcelJS.Worksheet, name: string) => header(sheet).indexOf(name) + 1;

describe('writePayoutWorkbook', () => {
  it('is a zip (an XLSX) with a "Détail" and a "Bénéficiaires" sheet', async () => {
    const { bytes, workbook } = await workbookOf();
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Détail', 'Bénéficiaires']);
    expect((await workbookOf('en')).workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Detail', 'Payees']);
  });

  it('declares the euro format as French Excel writes it, and no shared strings (held in memory)', async () => {
    const files = unzipSync(new Uint8Array((await workbookOf()).bytes));
    expect(EUROS_FORMAT).toBe('#,##0.00\\ "€"');
    expect(strFromU8(files['xl/styles.xml'])).toContain('formatCode="#,##0.00\\ &quot;€&quot;"');
    expect(Object.keys(files)).not.toContain('xl/sharedStrings.xml');
  });

  it('has a bold header row, frozen', async () => {
    const { workbook } = await workbookOf();
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
  });

  it('writes euros and hours as numbers with their formats, and exact cents and minutes beside them', async () => {
    const { workbook } = await workbookOf();
    const sheet = workbook.getWorksheet('Détail')!;
    expect(sheet.rowCount).toBe(5);
    const alice = sheet.getRow(2);
    expect(alice.getCell(column(sheet, 'Personne')).value).toBe('Alice Martin');
    const amount = alice.getCell(column(sheet, 'Rétribution (€)'));
    expect(amount.value).toBe(444.45);
    // exceljs reads the format back without its backslash; the file holds it as written.
    expect(amount.numFmt).toBe('#,##0.00 "€"');
    expect(alice.getCell(column(sheet, 'Rétribution (centimes)')).value).toBe(44445);
    const hours = alice.getCell(column(sheet, 'Heures validées'));
    expect(hours.value).toBe(20);
    expect(hours.numFmt).toBe(HOURS_FORMAT);
    expect(alice.getCell(column(sheet, 'Minutes validées')).value).toBe(1200);
    expect(alice.getCell(column(sheet, 'Taux (€/h)')).value).toBe(30);
    const cents = [2, 3, 4, 5].map((row) => sheet.getRow(row).getCell(column(sheet, 'Rétribution (centimes)')).value);
    expect(cents).toEqual([44445, 0, 44444, 11111]);
    expect(sheet.getRow(3).getCell(column(sheet, 'Bénévolat valorisé (€)')).value).toBe(60);
  });

  it('sums every payee, then a bold total', async () => {
    const { workbook } = await workbookOf();
    const sheet = workbook.getWorksheet('Bénéficiaires')!;
    const rows = [2, 3, 4].map((row) => (sheet.getRow(row).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['Alice Martin', 'Alice Martin', 1, 444.45, 44445],
      ['La Coroutine', 'Bob Lefebvre, Chloé Dubois', 2, 555.55, 55555],
      ['Total', undefined, 3, 1000, 100000],
    ]);
    expect(sheet.getRow(4).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(4).numFmt).toBe('#,##0.00 "€"');
  });
});

describe('writing an XLSX', () => {
  it('makes Node print no DeprecationWarning (exceljs hands archiver strings, archiver-utils 2.1 calls new Buffer())', () => {
    const run = spawnSync(
      path.join(process.cwd(), 'node_modules', '.bin', 'tsx'),
      [path.join('tests', 'support', 'xlsx-deprecations.ts')],
      { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--pending-deprecation' }, timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { name?: string; message?: string; written?: number });
    expect(lines.at(-1)?.written).toBeGreaterThan(1000);
    expect(lines.filter((line) => line.name === 'DeprecationWarning' && /Buffer\(\)/.test(line.message ?? ''))).toEqual(
      [],
    );
  }, 120_000);
});
