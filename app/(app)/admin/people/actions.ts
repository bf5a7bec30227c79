'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { createAccessLink, invitePerson, setPersonActive, updatePersonRoles } from '@/lib/people/people';
import { ZId, ZPersonInvite, ZPersonRolesUpdate } from '@/lib/people/schemas';
import { translatorFor } from '@/lib/i18n/translator';
import { anonymisePerson } from '@/lib/people/anonymise-person';

export const inviteAction = formAction({
  name: 'invitePerson',
  schema: ZPersonInvite,
  permission: 'people.invite',
  handler: async ({ actor, input, locale }) => {
    const result = await invitePerson({ actor, input });
    revalidatePath('/admin/people');
    return result.emailed
      ? { ok: true, message: translatorFor(locale)('people.invitedEmailed', { email: result.person.email }) }
      : {
          ok: true,
          message: translatorFor(locale)('people.invitedLink', { email: result.person.email }),
          data: { url: result.invitationUrl },
        };
  },
});

export const updateRolesAction = formAction({
  name: 'updatePersonRoles',
  schema: ZPersonRolesUpdate,
  permission: 'people.update',
  handler: async ({ actor, input, locale }) => {
    await updatePersonRoles({ actor, input });
    revalidatePath('/admin/people');
    return { ok: true, message: translatorFor(locale)('people.saved') };
  },
});

export const setActiveAction = formAction({
  name: 'setPersonActive',
  schema: z.object({ personId: ZId, active: z.enum(['true', 'false']).transform((value) => value === 'true') }),
  permission: 'people.deactivate',
  handler: async ({ actor, input, locale }) => {
    await setPersonActive({ actor, personId: input.personId, active: input.active });
    revalidatePath('/admin/people');
    return { ok: true, message: translatorFor(locale)(input.active ? 'people.reactivated' : 'people.deactivated') };
  },
});

export const accessLinkAction = formAction({
  name: 'createAccessLink',
  schema: z.object({ personId: ZId }),
  permission: 'people.update',
  handler: async ({ actor, input, locale }) => {
    const link = await createAccessLink({ actor, personId: input.personId });
    return link.emailed
      ? { ok: true, message: translatorFor(locale)('people.linkEmailed') }
      : { ok: true, message: translatorFor(locale)('people.linkShown'), data: { url: link.url } };
  },
});

export const anonymiseAction = formAction({
  name: 'anonymisePerson',
  // The box ticked is the confirmation; without it nothing is erased.
  schema: z.object({ personId: ZId, confirm: z.literal('on', { message: 'validation.required' }) }),
  permission: 'people.update',
  handler: async ({ actor, input, locale }) => {
    const result = await anonymisePerson({ actor, personId: input.personId });
    revalidatePath('/admin/people');
    return { ok: true, message: translatorFor(locale)('people.anonymised', { name: result.name }) };
  },
});
