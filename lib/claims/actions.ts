'use server';
// Server actions of the claim screens; each goes through formAction() (or, for a file, the same
// steps by hand, since a form's files are not plain fields) and the same domain functions as the API.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { currentLocale, errorState, formAction, type ActionState } from '@/lib/actions/form-action';
import { sessionActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { ZClaimBulkReview, ZClaimEditForm, ZClaimForm } from '@/lib/claims/inputs';
import { CLAIM_REVIEW_ACTIONS } from '@/lib/claims/lifecycle';
import { createClaim, deleteClaim, reviewClaims, transitionClaim, updateClaim } from '@/lib/claims/server/mutations';
import { addAttachment, deleteAttachment, type FileOwner } from '@/lib/files/server/attachments';
import { MAX_FILE_BYTES } from '@/lib/files/schemas';
import { fileTooLargeError } from '@/lib/files/sniff';
import { cleanInput } from '@/lib/validation/text';
import { translatorFor } from '@/lib/i18n/translator';

const ZId = z.string().trim().min(1).max(64);
const ZVersion = z.coerce.number().int().min(1);

function refresh() {
  revalidatePath('/claims');
  revalidatePath('/contributions');
  revalidatePath('/review');
}

/** The form's two buttons say whether to submit at once (`intent=submit`). */
const withIntent = (raw: unknown) => ({
  ...(raw as object),
  submit: (raw as { intent?: string }).intent === 'submit',
});

/** Déclarer une dépense: amount in euros as typed ("12,50") or a distance; a draft, or submitted at once. */
export const declareClaimAction = formAction({
  name: 'declareClaim',
  schema: z.preprocess(withIntent, ZClaimForm),
  handler: async ({ actor, input, locale }) => {
    const { personId: _ignored, ...own } = input;
    const created = await createClaim(actor, { ...own, personId: undefined });
    refresh();
    return {
      ok: true,
      message: translatorFor(locale)(
        created.status === 'SUBMITTED' ? 'claims.actions.submitted' : 'claims.actions.declared',
      ),
      data: { id: created.id, version: created.version, status: created.status },
    };
  },
});

/** A fixed fee committed for someone before the work (a referent of the chantier, a treasurer). */
export const commitFeeAction = formAction({
  name: 'commitFee',
  schema: z
    .preprocess((raw) => ({ ...(raw as object), kind: 'FIXED_FEE', submit: false }), ZClaimForm)
    .refine((input) => input.personId !== undefined, {
      path: ['personId'],
      message: 'claims.validation.unknownPerson',
    }),
  handler: async ({ actor, input, locale }) => {
    const created = await createClaim(actor, input);
    refresh();
    return {
      ok: true,
      message: translatorFor(locale)('claims.actions.committed'),
      data: { id: created.id, version: created.version, status: created.status },
    };
  },
});

/** The edit form sends every field and the version it started from; `intent=submit` submits too. */
export const editClaimAction = formAction({
  name: 'editClaim',
  schema: z.preprocess(withIntent, ZClaimEditForm.and(z.object({ id: ZId }))),
  handler: async ({ actor, input, locale }) => {
    const updated = await updateClaim(actor, input.id, input.patch, { submit: input.submit });
    refresh();
    return {
      ok: true,
      message: translatorFor(locale)(input.submit ? 'claims.actions.submitted' : 'claims.actions.saved'),
      data: { id: updated.id, version: updated.version, status: updated.status },
    };
  },
});

export const deleteClaimAction = formAction({
  name: 'deleteClaim',
  schema: z.object({ id: ZId, version: ZVersion }),
  handler: async ({ actor, input, locale }) => {
    await deleteClaim(actor, input.id, input.version);
    refresh();
    return { ok: true, message: translatorFor(locale)('claims.actions.deleted') };
  },
});

export const submitClaimAction = formAction({
  name: 'submitClaim',
  schema: z.object({ id: ZId, version: ZVersion }),
  handler: async ({ actor, input, locale }) => {
    const updated = await transitionClaim(actor, input.id, 'submit', { version: input.version });
    refresh();
    return {
      ok: true,
      message: translatorFor(locale)('claims.actions.submitted'),
      data: { id: updated.id, version: updated.version, status: updated.status },
    };
  },
});

const URL_ACTION = {
  approve: 'approve',
  reject: 'reject',
  requestChanges: 'request-changes',
  unapprove: 'unapprove',
} as const;

/** One claim reviewed, with the version the referent saw (a change meanwhile says who made it). */
export const reviewClaimAction = formAction({
  name: 'reviewClaim',
  schema: z.object({
    id: ZId,
    version: ZVersion,
    action: z.enum(CLAIM_REVIEW_ACTIONS),
    comment: z.string().trim().max(2000, 'validation.tooLong').optional(),
  }),
  handler: async ({ actor, input, locale }) => {
    await transitionClaim(actor, input.id, URL_ACTION[input.action], {
      version: input.version,
      comment: input.comment,
    });
    refresh();
    return { ok: true, message: translatorFor(locale)('claims.actions.reviewed', { count: 1 }) };
  },
});

/** Several claims at once (`ids`), all or none. */
export const reviewClaimsAction = formAction({
  name: 'reviewClaims',
  schema: ZClaimBulkReview,
  handler: async ({ actor, input, locale }) => {
    const done = await reviewClaims(actor, input.ids, input.action, input.reason ?? input.comment);
    refresh();
    return { ok: true, message: translatorFor(locale)('claims.actions.reviewed', { count: done.length }) };
  },
});

const ZFileOwner = z.union([
  z.object({ claimId: ZId, contributionId: z.undefined().optional() }),
  z.object({ contributionId: ZId, claimId: z.undefined().optional() }),
]);

function fileOwner(input: z.infer<typeof ZFileOwner>): FileOwner {
  return input.claimId ? { claimId: input.claimId } : { contributionId: input.contributionId! };
}

/**
 * A receipt (claimId) or an attachment (contributionId) from a form's `file` field. (For
 * progress on a slow connection the screen may rather send it to the API route with XHR.)
 */
export async function uploadReceiptAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await sessionActor();
  const locale = await currentLocale(actor);
  try {
    if (!actor) throw new AppError('UNAUTHENTICATED', 'errors.UNAUTHENTICATED');
    if (!(formData instanceof FormData)) throw new AppError('BAD_REQUEST', 'errors.BAD_REQUEST');
    const owner = fileOwner(
      ZFileOwner.parse(
        cleanInput({
          claimId: formData.get('claimId') ?? undefined,
          contributionId: formData.get('contributionId') ?? undefined,
        }),
      ),
    );
    const file = formData.get('file');
    if (!file || typeof file === 'string' || file.size === 0)
      throw new AppError('VALIDATION', 'No file', {
        messageKey: 'claims.errors.FILE_MISSING',
        fields: { file: 'claims.errors.FILE_MISSING' },
      });
    if (file.size > MAX_FILE_BYTES) throw fileTooLargeError(file.name);
    const created = await addAttachment(actor, owner, {
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    refresh();
    return { ok: true, message: translatorFor(locale)('claims.actions.uploaded'), data: { ...created } };
  } catch (error) {
    return errorState(error, locale, 'action uploadReceipt');
  }
}

export const deleteFileAction = formAction({
  name: 'deleteFile',
  schema: z.object({ fileId: ZId, claimId: ZId.optional(), contributionId: ZId.optional() }),
  handler: async ({ actor, input, locale }) => {
    await deleteAttachment(actor, fileOwner(ZFileOwner.parse(input)), input.fileId);
    refresh();
    return { ok: true, message: translatorFor(locale)('claims.actions.fileDeleted') };
  },
});
