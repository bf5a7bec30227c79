// Every statement of a period in one ZIP, for a treasurer: the PDFs are made one at a time as the
// answer is read (fflate stores them as they come, uncompressed — a PDF is compressed already), so
// memory holds one statement at a time however many people the period pays.
import { Zip, ZipPassThrough } from 'fflate';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import type { Locale } from '@/lib/i18n/locale';
import { fileSlug } from './files';
import { pdfBytes, renderStatementPdf } from './statement-pdf';
import { statementFor, statementPeople, UNSAFE_loadStatementContext } from './statement-data';

export function statementFilename(statement: {
  person: { id: string; name: string };
  period: { startDate: string; endDate: string };
}): string {
  return `attestation-${fileSlug(statement.person.name)}-${statement.period.startDate}_${statement.period.endDate}.pdf`;
}

export async function statementsZip(options: {
  actor: Actor;
  periodId: string;
  locale: Locale;
}): Promise<{ stream: ReadableStream<Uint8Array>; filename: string; count: number }> {
  assertCan(options.actor, 'exports.read');
  assertCan(options.actor, 'personalData.readAny');
  const context = await UNSAFE_loadStatementContext(options.periodId);
  const people = statementPeople(context);
  if (people.length === 0) throw new AppError('NOT_FOUND', 'This period has no payout line, hence no statement');
  let next = 0;
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
      if (next >= people.length) return zip.end();
      const personId = people[next++];
      try {
        const statement = await statementFor(context, personId, options.locale);
        if (!statement) return;
        const file = new ZipPassThrough(`${statementFilename(statement).replace(/\.pdf$/, '')}-${personId}.pdf`);
        zip.add(file);
        file.push(await pdfBytes(renderStatementPdf(statement, { locale: options.locale })), true);
      } catch (error) {
        // The answer has begun: the download fails (never a truncated ZIP that looks whole).
        console.error(`[butin] statements ZIP of period ${options.periodId} failed at person ${personId}:`, error);
        throw error;
      }
    },
  });
  return {
    stream,
    filename: `attestations-${context.period.startDate}_${context.period.endDate}.zip`,
    count: people.length,
  };
}
