// From a period's planned transfers to the SEPA document's input: the message id, each transfer's
// end-to-end id, and the remittance text the payee reads on their statement — the collective and
// the period, and for an organisation the people it is paid for. Pure; no I/O.
import type { PlannedTransfer } from './sepa-batch';
import type { SepaDebtor, SepaDocumentInput } from './sepa-document';

/** The last characters of an id, in the SEPA set: enough to tell two runs apart. */
function tail(id: string, length: number): string {
  return id
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(-length)
    .toUpperCase();
}

export function remittanceText(options: {
  collectiveName: string;
  periodName: string;
  transfer: Pick<PlannedTransfer, 'payeeType' | 'personNames'>;
}): string {
  const base = `${options.collectiveName} - Rétribution ${options.periodName}`;
  return options.transfer.payeeType === 'ORGANISATION' && options.transfer.personNames.length
    ? `${base} - pour ${options.transfer.personNames.join(', ')}`
    : base;
}

export function sepaDocumentFor(options: {
  collectiveName: string;
  periodName: string;
  runId: string;
  debtor: SepaDebtor;
  transfers: readonly PlannedTransfer[];
  /** Wall-clock time in the collective's time zone, `YYYY-MM-DDTHH:MM:SS`. */
  createdAt: string;
  executionDate: string;
}): SepaDocumentInput {
  const run = tail(options.runId, 8);
  return {
    // 5 + 14 + 1 + 8 = 28 characters: unique per run and second.
    messageId: `BUTIN${options.createdAt.replace(/\D/g, '')}-${run}`,
    createdAt: options.createdAt,
    executionDate: options.executionDate,
    initiatorName: options.debtor.name,
    debtor: options.debtor,
    transfers: options.transfers.map((transfer, index) => ({
      endToEndId: `BUTIN-${run}-${String(index + 1).padStart(4, '0')}`,
      creditorName: transfer.payeeName,
      creditorIban: transfer.iban,
      creditorBic: transfer.bic,
      amountCents: transfer.amountCents,
      remittance: remittanceText({ collectiveName: options.collectiveName, periodName: options.periodName, transfer }),
    })),
  };
}
