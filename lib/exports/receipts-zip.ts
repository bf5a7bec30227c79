// A period's receipts in one ZIP, for the accountant: every file of every approved claim of the
// period, named `<date>_<person>_<kind>_<amount>.<ext>` (receipt-names.ts). Streamed: each file is
// read from PostgreSQL in chunks of 1 MiB as the answer is read, and stored as it comes (fflate,
// uncompressed — photos and PDFs are compressed already), so memory holds one chunk at a time
// however many receipts the period has. Treasurers (and admins) only, as the receipts themselves.
import 'server-only';
import { Zip, ZipPassThrough } from 'fflate';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { type Locale } from '@/lib/i18n/locale';
import { receiptNamer } from './receipt-names';
import { translatorFor } from '@/lib/i18n/translator';
import type { ClaimKind } from '@/lib/pricing/types';

const CHUNK_BYTES = 1024 * 1024;

type ReceiptRow = {
  id: string;
  sizeBytes: number;
  contentType: string;
  date: string;
  personName: string;
  kind: string;
  valueCents: number;
};

/** The receipts of the period's approved claims, in the order of the archive (date, person, claim, upload). */
async function listReceipts(periodId: string): Promise<ReceiptRow[]> {
  return db().$queryRaw<ReceiptRow[]>`
    SELECT a.id, a.size_bytes AS "sizeBytes", a.content_type AS "contentType",
           to_char(c.date, 'YYYY-MM-DD') AS date, p.name AS "personName", c.kind::text AS kind,
           CASE WHEN c.kind = 'MILEAGE' THEN c.distance_km * coalesce(f.mileage_rate_cents, 0) ELSE c.amount_cents END
             AS "valueCents"
      FROM attachments a
      JOIN claims c ON c.id = a.claim_id
      JOIN people p ON p.id = c.person_id
      JOIN funding_periods f ON f.id = c.period_id
     WHERE c.period_id = ${periodId} AND c.status = 'APPROVED' AND c.deleted_at IS NULL
     ORDER BY c.date, p.name, c.id, a.created_at, a.id`;
}

async function readChunk(attachmentId: string, offset: number): Promise<Uint8Array> {
  const [row] = await db().$queryRaw<{ chunk: Uint8Array }[]>`
    SELECT substring(data from ${offset + 1}::int for ${CHUNK_BYTES}::int) AS chunk
      FROM attachment_contents WHERE attachment_id = ${attachmentId}`;
  if (!row) throw new Error(`Receipt ${attachmentId} has no content`);
  return new Uint8Array(row.chunk);
}

export async function receiptsZip(options: {
  actor: Actor;
  periodId: string;
  locale: Locale;
}): Promise<{ stream: ReadableStream<Uint8Array>; filename: string; count: number }> {
  assertCan(options.actor, 'exports.read');
  const period = await db().fundingPeriod.findUnique({
    where: { id: options.periodId },
    select: { startDate: true, endDate: true },
  });
  if (!period) throw new AppError('NOT_FOUND', 'Period not found');
  const receipts = await listReceipts(options.periodId);
  const name = receiptNamer();
  const names = receipts.map((receipt) =>
    name({ ...receipt, kindLabel: translatorFor(options.locale)(`claimsPay.kinds.${receipt.kind as ClaimKind}`) }),
  );
  let next = 0;
  let current: { file: ZipPassThrough; receipt: ReceiptRow; offset: number } | null = null;
  let zip: Zip;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      try {
        if (!current) {
          if (next >= receipts.length) return zip.end();
          const file = new ZipPassThrough(names[next]);
          zip.add(file);
          current = { file, receipt: receipts[next++], offset: 0 };
        }
        const chunk = await readChunk(current.receipt.id, current.offset);
        current.offset += chunk.length;
        const last = current.offset >= current.receipt.sizeBytes || chunk.length === 0;
        current.file.push(chunk, last);
        if (last) current = null;
      } catch (error) {
        // The answer has begun: the download fails (never a truncated ZIP that looks whole).
        console.error(`[butin] receipts ZIP of period ${options.periodId} failed:`, error);
        throw error;
      }
    },
  });
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return {
    stream,
    filename: `justificatifs-${day(period.startDate)}_${day(period.endDate)}.zip`,
    count: receipts.length,
  };
}
