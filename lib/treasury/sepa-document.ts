// The SEPA credit transfer file (ISO 20022 pain.001.001.03) a bank takes for upload, built with
// sepa.js: one payment block debiting the collective's account, one transfer per payee. Every
// text is put into the SEPA character set and cut to its field's length here; amounts go in as
// exact cents. The control sum sepa.js adds up in floating point is checked against the sum in
// integer cents before the file is handed out. Pure; no I/O.
import { Document } from 'sepa';
import { centsToDecimalString } from '@/lib/format/money';
import { toSepaText } from './sepa-text';
import { bicMatchesIban } from './bic';

export { bicMatchesIban };

export const SEPA_FORMAT = 'pain.001.001.03';

export type SepaDebtor = { name: string; iban: string; bic: string | null };

export type SepaTransferInput = {
  /** Shown to both banks; at most 35 characters of the SEPA set. */
  endToEndId: string;
  creditorName: string;
  creditorIban: string;
  creditorBic: string | null;
  amountCents: number;
  remittance: string;
};

export type SepaDocumentInput = {
  /** At most 28 characters of the SEPA set (the payment block and transfer ids extend it). */
  messageId: string;
  /** The wall-clock time of creation in the collective's time zone, `YYYY-MM-DDTHH:MM:SS`. */
  createdAt: string;
  /** `YYYY-MM-DD` */
  executionDate: string;
  initiatorName: string;
  debtor: SepaDebtor;
  transfers: readonly SepaTransferInput[];
};

const SEPA_ID = /^[A-Za-z0-9+?/\-:().,' ]{1,35}$/;

function assertSepaId(id: string, maxLength: number, what: string): void {
  if (id.length > maxLength || !SEPA_ID.test(id) || id.startsWith('/') || id.includes('//'))
    throw new Error(`${what} is not a valid SEPA identifier: "${id}"`);
}

/** `YYYY-MM-DD[THH:MM:SS]` as a Date whose *local* fields are those, which is what sepa.js prints. */
function localDate(isoDate: string, time = '00:00:00'): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  const [hours, minutes, seconds] = time.split(':').map(Number);
  return new Date(year, month - 1, day, hours, minutes, seconds);
}

/** The few figures a bank checks first, read back from the file. */
export function readControlFigures(xml: string): { nbOfTxs: string; ctrlSum: string } {
  const header = /<GrpHdr>([\s\S]*?)<\/GrpHdr>/.exec(xml)?.[1] ?? '';
  return {
    nbOfTxs: /<NbOfTxs>([^<]*)<\/NbOfTxs>/.exec(header)?.[1] ?? '',
    ctrlSum: /<CtrlSum>([^<]*)<\/CtrlSum>/.exec(header)?.[1] ?? '',
  };
}

export function buildSepaXml(input: SepaDocumentInput): string {
  if (input.transfers.length === 0) throw new Error('A SEPA credit transfer file needs at least one transfer');
  assertSepaId(input.messageId, 28, 'messageId');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(input.createdAt))
    throw new Error(`createdAt must be YYYY-MM-DDTHH:MM:SS, got ${input.createdAt}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.executionDate))
    throw new Error(`executionDate must be YYYY-MM-DD, got ${input.executionDate}`);

  const document = new Document(SEPA_FORMAT);
  document.grpHdr.id = input.messageId;
  const [createdDate, createdTime] = input.createdAt.split('T');
  document.grpHdr.created = localDate(createdDate, createdTime);
  document.grpHdr.initiatorName = toSepaText(input.initiatorName, 70);

  const info = document.createPaymentInfo();
  info.requestedExecutionDate = localDate(input.executionDate);
  info.debtorName = toSepaText(input.debtor.name, 70);
  info.debtorIBAN = input.debtor.iban;
  info.debtorBIC = input.debtor.bic ?? '';
  document.addPaymentInfo(info);

  let totalCents = 0;
  for (const transfer of input.transfers) {
    if (!Number.isSafeInteger(transfer.amountCents) || transfer.amountCents <= 0)
      throw new Error(`A transfer's amount must be a positive number of cents, got ${transfer.amountCents}`);
    assertSepaId(transfer.endToEndId, 35, 'endToEndId');
    totalCents += transfer.amountCents;
    const transaction = info.createTransaction();
    transaction.end2endId = transfer.endToEndId;
    transaction.creditorName = toSepaText(transfer.creditorName, 70) || 'Beneficiaire';
    transaction.creditorIBAN = transfer.creditorIban;
    // A BIC of another country than the IBAN's would get the file refused; the IBAN alone suffices.
    transaction.creditorBIC =
      transfer.creditorBic && bicMatchesIban(transfer.creditorBic, transfer.creditorIban) ? transfer.creditorBic : '';
    // Exact: every whole number of cents below 2^53 has a double whose two-decimal form is itself.
    transaction.amount = Number(centsToDecimalString(transfer.amountCents));
    transaction.remittanceInfo = toSepaText(transfer.remittance, 140);
    info.addTransaction(transaction);
  }

  // sepa.js prints local times from a Date; the wall-clock time asked for is put back as given, so
  // the file does not depend on the server's own time zone (nor on its daylight-saving gaps).
  const xml = document.toString().replace(/<CreDtTm>[^<]*<\/CreDtTm>/, `<CreDtTm>${input.createdAt}</CreDtTm>`);
  const figures = readControlFigures(xml);
  if (figures.nbOfTxs !== String(input.transfers.length) || figures.ctrlSum !== centsToDecimalString(totalCents)) {
    throw new Error(
      `SEPA control figures disagree with the transfers: ${figures.nbOfTxs} / ${figures.ctrlSum}, expected ${input.transfers.length} / ${centsToDecimalString(totalCents)}`,
    );
  }
  return xml;
}
