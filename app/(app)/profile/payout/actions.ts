'use server';
import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/form-action';
import { translateKey } from '@/lib/i18n/translator';
import { ZPayoutProfileInput } from '@/lib/payees/schemas';
import { savePayoutProfile } from '@/lib/payees/profiles';

/** A person saves their own payout profile; nobody else's can be reached from here. */
export const savePayoutProfileAction = formAction({
  name: 'savePayoutProfile',
  schema: ZPayoutProfileInput,
  handler: async ({ actor, input, locale }) => {
    const result = await savePayoutProfile({ actor, personId: actor.id, input });
    revalidatePath('/profile/payout');
    revalidatePath('/profile');
    const message = !result.ibanChanged
      ? 'payees.profile.saved'
      : result.emailed
        ? 'payees.profile.savedIbanEmailed'
        : 'payees.profile.savedIbanNoticed';
    return { ok: true, message: translateKey(locale, message), data: { ibanMasked: result.profile.ibanMasked } };
  },
});
