'use server';
// The weekly timesheet's one action: save the typed grid, and submit the week's drafts when the
// person pressed "Enregistrer et soumettre". Through formAction() like every form of the app; a
// refusal comes back with each error keyed by its cell ("rows.2.cells.4") and one clear message.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions/form-action';
import { AppError } from '@/lib/errors';
import { isMessageKey, translateKey, translatorFor } from '@/lib/i18n/translator';
import { saveWeek } from '@/lib/contributions/server/week';
import { ZWeekForm } from '@/lib/contributions/week-inputs';

export const saveWeekAction = formAction({
  name: 'saveWeek',
  schema: ZWeekForm,
  handler: async ({ actor, input, locale }) => {
    // Without JavaScript the browser posted the form itself and waits for a page: the week again,
    // saying what happened (page.tsx reads `outcome`); the grid shows what is stored.
    const answerPlain = (outcome: string, count?: number) =>
      redirect(
        `/contributions/week?start=${input.weekStart}&outcome=${outcome}${count === undefined ? '' : `&count=${count}`}`,
      );
    try {
      const saved = await saveWeek({ actor, weekStart: input.weekStart, rows: input.rows, submit: input.submit });
      revalidatePath('/contributions/week');
      revalidatePath('/contributions');
      revalidatePath('/review');
      const changes = saved.created + saved.updated + saved.deleted + saved.submitted;
      if (input.plain) answerPlain(changes === 0 ? 'unchanged' : input.submit ? 'submitted' : 'saved', saved.submitted);
      if (changes === 0) return { ok: true, message: translatorFor(locale)('week.nothingChanged') };
      const message = input.submit
        ? translatorFor(locale)('week.savedSubmitted', { count: saved.submitted })
        : translatorFor(locale)('week.saved');
      return { ok: true, message, data: { ...saved } };
    } catch (error) {
      // The week's own refusals carry "week.…" message keys, which formAction only translates
      // for "errors.…" ones: translate them here, field by field.
      if (!(error instanceof AppError) || !error.messageKey.startsWith('week.')) {
        if (input.plain && error instanceof AppError) answerPlain('refused');
        throw error;
      }
      if (input.plain) answerPlain('refused', Object.keys(error.fields ?? {}).length);
      const fields = Object.fromEntries(
        Object.entries(error.fields ?? {}).map(([path, key]) => [
          path,
          isMessageKey(key) ? translateKey(locale, key) : key,
        ]),
      );
      return {
        ok: false,
        code: error.code,
        message: translateKey(locale, error.messageKey, error.values),
        fields,
        details: error.details,
      };
    }
  },
});
