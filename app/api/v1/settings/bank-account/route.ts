// GET /api/v1/settings/bank-account — the collective's account the SEPA transfers are made from
// (treasurers); PUT — set it: `{ debtorName, debtorIban, debtorBic? }`, checked and audited.
import { TREASURY_API } from '@/lib/treasury/openapi';
import { apiRoute } from '@/lib/api/route';
import { getDebtorAccount, saveDebtorAccount, type DebtorAccount } from '@/lib/treasury/debtor-account';

const toBankAccountOut = (account: DebtorAccount) => ({
  debtorName: account.name,
  debtorIban: account.iban,
  debtorBic: account.bic,
});

export const GET = apiRoute({
  operation: TREASURY_API.getBankAccount,
  permission: 'payments.record',
  handler: async ({ actor }) => toBankAccountOut(await getDebtorAccount({ actor })),
});

export const PUT = apiRoute({
  operation: TREASURY_API.saveBankAccount,
  permission: 'payments.record',
  handler: async ({ actor, body }) => toBankAccountOut(await saveDebtorAccount({ actor, input: body })),
});
