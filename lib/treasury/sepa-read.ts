// Reads a pain.001.001.03 file back into plain data — the group header, the payment block and its
// transfers — with a few regular expressions, enough for the tests (unit, integration and end to
// end) to check that sums, counts and IBANs are what the payout run says. Not a general XML parser:
// it reads what buildSepaXml writes. Pure; no I/O.

export type ReadTransfer = {
  instructionId: string;
  endToEndId: string;
  amount: string;
  currency: string;
  creditorBic: string | null;
  creditorName: string;
  creditorIban: string;
  remittance: string;
};

export type ReadSepaFile = {
  namespace: string;
  messageId: string;
  createdAt: string;
  nbOfTxs: string;
  ctrlSum: string;
  initiatorName: string;
  payment: {
    id: string;
    method: string;
    nbOfTxs: string;
    ctrlSum: string;
    executionDate: string;
    debtorName: string;
    debtorIban: string;
    debtorBic: string | null;
  };
  transfers: ReadTransfer[];
};

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity]);

function element(xml: string, path: string[]): string | null {
  let scope = xml;
  for (const name of path) {
    const match = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(scope);
    if (!match) return null;
    scope = match[1];
  }
  return unescape(scope);
}

const required = (xml: string, path: string[]): string => {
  const value = element(xml, path);
  if (value === null) throw new Error(`SEPA file: no ${path.join('/')}`);
  return value;
};

export function readSepaFile(xml: string): ReadSepaFile {
  const header = required(xml, ['GrpHdr']);
  const paymentBlocks = [...xml.matchAll(/<PmtInf>([\s\S]*?)<\/PmtInf>/g)].map((match) => match[1]);
  if (paymentBlocks.length !== 1)
    throw new Error(`SEPA file: expected one payment block, found ${paymentBlocks.length}`);
  const [block] = paymentBlocks;
  const head = block.slice(0, block.indexOf('<CdtTrfTxInf>'));
  const transfers = [...block.matchAll(/<CdtTrfTxInf>([\s\S]*?)<\/CdtTrfTxInf>/g)].map(([, transfer]) => ({
    instructionId: required(transfer, ['PmtId', 'InstrId']),
    endToEndId: required(transfer, ['PmtId', 'EndToEndId']),
    amount: required(transfer, ['Amt', 'InstdAmt']),
    currency: /<InstdAmt Ccy="([A-Z]{3})">/.exec(transfer)?.[1] ?? '',
    creditorBic: element(transfer, ['CdtrAgt', 'FinInstnId', 'BIC']),
    creditorName: required(transfer, ['Cdtr', 'Nm']),
    creditorIban: required(transfer, ['CdtrAcct', 'Id', 'IBAN']),
    remittance: required(transfer, ['RmtInf', 'Ustrd']),
  }));
  return {
    namespace: /<Document[^>]*\sxmlns="([^"]+)"/.exec(xml)?.[1] ?? '',
    messageId: required(header, ['MsgId']),
    createdAt: required(header, ['CreDtTm']),
    nbOfTxs: required(header, ['NbOfTxs']),
    ctrlSum: required(header, ['CtrlSum']),
    initiatorName: required(header, ['InitgPty', 'Nm']),
    payment: {
      id: required(head, ['PmtInfId']),
      method: required(head, ['PmtMtd']),
      nbOfTxs: required(head, ['NbOfTxs']),
      ctrlSum: required(head, ['CtrlSum']),
      executionDate: required(head, ['ReqdExctnDt']),
      debtorName: required(head, ['Dbtr', 'Nm']),
      debtorIban: required(head, ['DbtrAcct', 'Id', 'IBAN']),
      debtorBic: element(head, ['DbtrAgt', 'FinInstnId', 'BIC']),
    },
    transfers,
  };
}

/** "1234.56" → 123456, exactly (no floating point). */
export function decimalToCents(amount: string): number {
  const match = /^(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new Error(`Not an amount with two decimals: ${amount}`);
  return Number(match[1]) * 100 + Number(match[2]);
}
