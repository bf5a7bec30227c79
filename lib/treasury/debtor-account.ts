// The collective's bank account the transfers leave from (the SEPA file's debtor), kept in the
// collective's settings. Set by a treasurer; each change is audited with the IBANs masked, since
// the audit log is read by admins and a changed account is where diverted money would start.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { getSettings } from '@/lib/settings/settings';
import { maskIban } from '@/lib/payees/validate';
import { ZDebtorAccountInput, type TDebtorAccountInput } from './schemas';
import type { SepaDebtor } from './sepa-document';

export type DebtorAccount = { name: string | null; iban: string | null; bic: string | null };

export async function getDebtorAccount(options: { actor: Actor }): Promise<DebtorAccount> {
  assertCan(options.actor, 'payments.record');
  const settings = await getSettings();
  return { name: settings.debtorName, iban: settings.debtorIban, bic: settings.debtorBic };
}

/** The debtor for a SEPA file, or a 409 naming what is missing (or wrong) in the settings. */
export function requireSepaDebtor(account: DebtorAccount): SepaDebtor {
  const missing = [...(account.name?.trim() ? [] : ['debtorName']), ...(account.iban ? [] : ['debtorIban'])];
  if (missing.length) {
    throw new AppError(
      'CONFLICT',
      `The collective's account is not set (${missing.join(', ')}): a treasurer sets it in the settings (PUT /api/v1/settings/bank-account)`,
      { details: { reason: 'DEBTOR_MISSING', fields: missing } },
    );
  }
  const parsed = ZDebtorAccountInput.safeParse({
    debtorName: account.name,
    debtorIban: account.iban,
    debtorBic: account.bic,
  });
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    throw new AppError(
      'CONFLICT',
      `The collective's account is not valid (${fields.join(', ')}): a treasurer corrects it in the settings (PUT /api/v1/settings/bank-account)`,
      { details: { reason: 'DEBTOR_INVALID', fields } },
    );
  }
  return { name: parsed.data.debtorName, iban: parsed.data.debtorIban, bic: parsed.data.debtorBic };
}

export async function saveDebtorAccount(options: { actor: Actor; input: TDebtorAccountInput }): Promise<DebtorAccount> {
  assertCan(options.actor, 'payments.record');
  const input = ZDebtorAccountInput.parse(options.input);
  return db().$transaction(async (tx) => {
    const before = await tx.collectiveSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
    const after = await tx.collectiveSettings.update({
      where: { id: 1 },
      data: { debtorName: input.debtorName, debtorIban: input.debtorIban, debtorBic: input.debtorBic },
    });
    if (
      before.debtorName !== after.debtorName ||
      before.debtorIban !== after.debtorIban ||
      before.debtorBic !== after.debtorBic
    ) {
      await writeAudit(tx, {
        actorId: options.actor.id,
        action: 'settings.debtor-account-updated',
        entityType: 'settings',
        entityId: '1',
        data: {
          before: { name: before.debtorName, iban: maskIban(before.debtorIban), bic: before.debtorBic },
          after: { name: after.debtorName, iban: maskIban(after.debtorIban), bic: after.debtorBic },
        },
      });
    }
    return { name: after.debtorName, iban: after.debtorIban, bic: after.debtorBic };
  });
}
