'use server';
// The settings screen's forms that live here: the collective's identity on its documents (admins), and the bank-account form: the collective's account the SEPA transfers leave from,
// set by a treasurer through the same domain verb as PUT /api/v1/settings/bank-account.
import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/form-action';
import { translatorFor } from '@/lib/i18n/translator';
import { ZDebtorAccountInput } from '@/lib/treasury/schemas';
import { saveDebtorAccount } from '@/lib/treasury/debtor-account';
import { ZCollectiveIdentity } from '@/lib/settings/identity';
import { updateCollectiveIdentity } from '@/lib/settings/settings';

export const saveBankAccountAction = formAction({
  name: 'saveBankAccount',
  schema: ZDebtorAccountInput,
  permission: 'payments.record',
  handler: async ({ actor, input, locale }) => {
    await saveDebtorAccount({ actor, input });
    revalidatePath('/admin/settings');
    revalidatePath('/periods', 'layout');
    return { ok: true, message: translatorFor(locale)('treasury.debtor.saved') };
  },
});

export const saveIdentityAction = formAction({
  name: 'saveCollectiveIdentity',
  schema: ZCollectiveIdentity,
  permission: 'settings.manage',
  handler: async ({ actor, input, locale }) => {
    await updateCollectiveIdentity({ actor, input });
    revalidatePath('/admin/settings');
    return { ok: true, message: translatorFor(locale)('everyday.identity.saved') };
  },
});
