'use server';
import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/form-action';
import { saveChantier, savePlace, ZChantierInput, ZPlaceInput } from '@/lib/chantiers/chantiers';
import { updateSettings, ZSettingsUpdate } from '@/lib/settings/settings';
import { translatorFor } from '@/lib/i18n/translator';

export const saveChantierAction = formAction({
  name: 'saveChantier',
  schema: ZChantierInput,
  permission: 'chantiers.manage',
  handler: async ({ actor, input, locale }) => {
    await saveChantier({ actor, input });
    revalidatePath('/admin/chantiers');
    return { ok: true, message: translatorFor(locale)('chantiers.saved') };
  },
});

export const savePlaceAction = formAction({
  name: 'savePlace',
  schema: ZPlaceInput,
  permission: 'places.manage',
  handler: async ({ actor, input, locale }) => {
    await savePlace({ actor, input });
    revalidatePath('/admin/places');
    return { ok: true, message: translatorFor(locale)('places.saved') };
  },
});

export const saveSettingsAction = formAction({
  name: 'saveSettings',
  schema: ZSettingsUpdate,
  permission: 'settings.manage',
  handler: async ({ actor, input, locale }) => {
    await updateSettings({ actor, input });
    revalidatePath('/', 'layout');
    return { ok: true, message: translatorFor(locale)('settings.saved') };
  },
});
