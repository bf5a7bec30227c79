// The treasury's refusals in the person's language, for server actions: domain errors carry a
// `details.reason` (ALREADY_PAID, DEBTOR_MISSING…) that names a message under treasury.errors.
import type { ActionState } from '@/lib/actions/form-action';
import { AppError } from '@/lib/errors';
import { type Locale } from '@/lib/i18n/locale';
import { translateKey } from '@/lib/i18n/translator';
import frMessages from '@/messages/fr/treasury.json';

type Reason = keyof (typeof frMessages)['treasury']['errors'];
const REASONS = new Set(Object.keys(frMessages.treasury.errors));

export function reasonOf(error: unknown): Reason | null {
  if (!(error instanceof AppError)) return null;
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' && REASONS.has(reason) ? (reason as Reason) : null;
}

/** A refused treasury action as a form state; any other error is rethrown for formAction to map. */
export function treasuryRefusal(error: unknown, locale: Locale): ActionState {
  const reason = reasonOf(error);
  if (!reason || !(error instanceof AppError)) throw error;
  return {
    ok: false,
    code: error.code,
    message: translateKey(locale, `treasury.errors.${reason}`),
    details: error.details,
  };
}
