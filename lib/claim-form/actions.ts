'use server';
// The server actions of the claim screens, each through formAction() and the claims domain's own
// verbs and schemas (lib/claims): the same rules as the API, in the person's language. The form
// saves a claim as a draft first, sends its receipts to the API, then submits it: the three steps
// are three calls, so a receipt sent on a slow phone never holds a transaction open.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { ZClaimEditForm, ZClaimForm } from '@/lib/claims/inputs';
import { createClaim, deleteClaim, reviewClaims, transitionClaim, updateClaim } from '@/lib/claims/server/mutations';
import { translate } from '@/lib/i18n/locale';

const ZId = z.string().min(1).max(64);
const ZVersion = z.coerce.number().int().min(1);

function refresh() {
  revalidatePath('/contributions');
  revalidatePath('/claims', 'layout');
  revalidatePath('/review');
  revalidatePath('/payouts');
}

/** Without an id: a new claim, always a draft (its receipts come next). With one: its edit. */
export const saveClaimAction = formAction({
  name: 'saveClaim',
  schema: z.preprocess(
    (raw) => {
      const { intent: _intent, ...rest } = raw as Record<string, unknown>;
      return rest;
    },
    z.record(z.string(), z.unknown()),
  ),
  handler: async ({ actor, input }) => {
    const saved =
      typeof input.id === 'string' && input.id
        ? await (async () => {
            const parsed = z
              .object({ id: ZId })
              .and(ZClaimEditForm)
              .parse({ ...input, submit: undefined });
            return updateClaim(actor, parsed.id, parsed.patch);
          })()
        : await createClaim(actor, ZClaimForm.parse({ ...input, submit: undefined, personId: undefined }));
    refresh();
    return { ok: true, data: { id: saved.id, version: saved.version } };
  },
});

export const submitClaimAction = formAction({
  name: 'submitClaim',
  schema: z.object({ id: ZId, version: ZVersion }),
  handler: async ({ actor, input, locale }) => {
    const claim = await transitionClaim(actor, input.id, 'submit', { version: input.version });
    refresh();
    return { ok: true, message: translate(locale, 'claimsUi.mine.submitted'), data: { version: claim.version } };
  },
});

export const deleteClaimAction = formAction({
  name: 'deleteClaim',
  schema: z.object({ id: ZId, version: ZVersion }),
  handler: async ({ actor, input, locale }) => {
    await deleteClaim(actor, input.id, input.version);
    refresh();
    return { ok: true, message: translate(locale, 'claimsUi.mine.deleted') };
  },
});

const REVIEW = {
  approve: { transition: 'approve', message: 'claimsUi.review.approved' },
  reject: { transition: 'reject', message: 'claimsUi.review.rejected' },
  requestChanges: { transition: 'request-changes', message: 'claimsUi.review.changesAsked' },
  unapprove: { transition: 'unapprove', message: 'claimsUi.review.unapproved' },
} as const;

export const reviewClaimAction = formAction({
  name: 'reviewClaim',
  schema: z.object({
    id: ZId,
    version: ZVersion,
    action: z.enum(['approve', 'reject', 'requestChanges', 'unapprove']),
    comment: z.string().trim().max(2000, 'validation.tooLong').optional(),
  }),
  handler: async ({ actor, input, locale }) => {
    const { transition, message } = REVIEW[input.action];
    await transitionClaim(actor, input.id, transition, { version: input.version, comment: input.comment });
    refresh();
    return { ok: true, message: translate(locale, message) };
  },
});

export const approveClaimsAction = formAction({
  name: 'approveClaims',
  schema: z.object({
    ids: z.preprocess(
      (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
      z.array(ZId).min(1, 'validation.selectSome').max(500),
    ),
  }),
  handler: async ({ actor, input, locale }) => {
    const done = await reviewClaims(actor, input.ids, 'approve');
    refresh();
    return { ok: true, message: translate(locale, 'claimsUi.review.approvedMany', { count: done.length }) };
  },
});

export const commitFeeAction = formAction({
  name: 'commitFee',
  schema: z.preprocess((raw) => ({ ...(raw as object), kind: 'FIXED_FEE', submit: undefined }), ZClaimForm),
  handler: async ({ actor, input, locale }) => {
    await createClaim(actor, input);
    refresh();
    return { ok: true, message: translate(locale, 'claimsUi.commit.committedShort') };
  },
});
