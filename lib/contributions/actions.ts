'use server';
// Server actions of the contribution screens; each goes through formAction() and the same
// domain functions as the API.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { ZContributionCreate, ZContributionUpdate, ZSelection } from '@/lib/contributions/inputs';
import {
  createContribution,
  deleteContribution,
  submitContribution,
  updateContribution,
} from '@/lib/contributions/server/mutations';
import { reviewContribution, reviewContributions } from '@/lib/contributions/server/review';
import { translatorFor, translateKey } from '@/lib/i18n/translator';

const ZId = z.string().min(1).max(64);
const ZVersion = z.coerce.number().int().min(1);

function refresh() {
  revalidatePath('/contributions');
  revalidatePath('/review');
  revalidatePath('/approved');
}

/** The two buttons of the form say whether to submit at once. */
const ZDeclare = z.preprocess(
  (raw) => ({ ...(raw as object), submit: (raw as { intent?: string }).intent === 'submit' }),
  ZContributionCreate,
);

export const declareAction = formAction({
  name: 'declareContribution',
  schema: ZDeclare,
  handler: async ({ actor, input, locale }) => {
    const created = await createContribution({ actor, input });
    refresh();
    return {
      ok: true,
      message: translatorFor(locale)(created.status === 'SUBMITTED' ? 'declare.savedSubmitted' : 'declare.savedDraft'),
      data: { id: created.id },
    };
  },
});

const ZEdit = z.preprocess((raw) => raw, ZContributionUpdate.and(z.object({ id: ZId, intent: z.string().optional() })));

export const editAction = formAction({
  name: 'editContribution',
  schema: ZEdit,
  handler: async ({ actor, input, locale }) => {
    await updateContribution({ actor, id: input.id, input, submit: input.intent === 'submit' });
    refresh();
    return {
      ok: true,
      message: translatorFor(locale)(input.intent === 'submit' ? 'declare.savedSubmitted' : 'declare.savedChanges'),
    };
  },
});

export const deleteAction = formAction({
  name: 'deleteContribution',
  schema: z.object({ id: ZId, version: ZVersion }),
  handler: async ({ actor, input, locale }) => {
    await deleteContribution({ actor, id: input.id, version: input.version });
    refresh();
    return { ok: true, message: translatorFor(locale)('mine.deleted') };
  },
});

export const submitAction = formAction({
  name: 'submitContribution',
  schema: z.object({ id: ZId, version: ZVersion }),
  handler: async ({ actor, input, locale }) => {
    await submitContribution({ actor, id: input.id, version: input.version });
    refresh();
    return { ok: true, message: translatorFor(locale)('mine.submitted') };
  },
});

export const approveSelectedAction = formAction({
  name: 'approveSelected',
  schema: ZSelection,
  handler: async ({ actor, input, locale }) => {
    // Said in the form's own message: a field error would sit under no field.
    if (input.ids.length === 0)
      return { ok: false, code: 'VALIDATION', message: translatorFor(locale)('validation.selectSome') };
    const done = await reviewContributions({ actor, ids: input.ids, action: 'approve' });
    refresh();
    return { ok: true, message: translatorFor(locale)('review.approved', { count: done.length }) };
  },
});

const REVIEW_MESSAGES = {
  approve: 'review.approved',
  reject: 'review.rejected',
  requestChanges: 'review.changesRequested',
  unapprove: 'review.unapproved',
} as const;

export const reviewAction = formAction({
  name: 'reviewContribution',
  schema: z.object({
    id: ZId,
    version: ZVersion,
    action: z.enum(['approve', 'reject', 'requestChanges', 'unapprove']),
    comment: z.string().trim().max(2000, 'validation.tooLong').optional(),
  }),
  handler: async ({ actor, input, locale }) => {
    await reviewContribution({
      actor,
      id: input.id,
      action: input.action,
      comment: input.comment,
      version: input.version,
    });
    refresh();
    return {
      ok: true,
      // A sentence, also for a single approval: it is what a screen reader hears.
      message: translateKey(locale, REVIEW_MESSAGES[input.action], { count: 1 }),
    };
  },
});
