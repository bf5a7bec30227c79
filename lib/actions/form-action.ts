// The one way in for every server action behind a form: the signed-in person (re-read from the
// database), the form parsed with the same zod schema the API uses, the permission, and errors
// turned into a state the form can show next to its fields, in the person's language.
import { cookies } from 'next/headers';
import { ZodError, type ZodType, type z } from 'zod';
import '@/lib/api/zod-messages';
import { sessionActor } from '@/lib/auth/actor';
import { assertCan, type Actor, type Permission } from '@/lib/auth/permissions';
import { AppError, type ErrorCode } from '@/lib/errors';
import { toPublicError } from '@/lib/api/errors';
import { cleanInput } from '@/lib/validation/text';
import { asLocale, LOCALE_COOKIE, type Locale } from '@/lib/i18n/locale';
import { isMessageKey, translatorFor, translateKey } from '@/lib/i18n/translator';

export type ActionState =
  | { ok: true; message?: string; data?: Record<string, unknown> }
  | { ok: false; code: ErrorCode; message: string; fields?: Record<string, string>; details?: unknown }
  | null;

/** FormData to a plain object: repeated names and names ending in [] become arrays. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = formData.getAll(key).map((value) => (typeof value === 'string' ? value : value.name));
    if (key.endsWith('[]')) result[key.slice(0, -2)] = values;
    else result[key] = values.length > 1 ? values : values[0];
  }
  return result;
}

export async function currentLocale(actor: Actor | null): Promise<Locale> {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return asLocale(cookie ?? actor?.locale);
}

export function errorState(error: unknown, locale: Locale, context: string): ActionState {
  if (error instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const key = issue.path.join('.') || '_';
      fields[key] ??= translateKey(locale, isMessageKey(issue.message) ? issue.message : 'validation.invalid');
    }
    return { ok: false, code: 'VALIDATION', message: translatorFor(locale)('errors.VALIDATION'), fields };
  }
  const publicError = toPublicError(error, context);
  // Field messages are keys: translate them for this person, not in the API's English.
  const rawFields = error instanceof AppError ? error.fields : publicError.fields;
  const fields = rawFields
    ? Object.fromEntries(
        Object.entries(rawFields).map(([field, message]) => [
          field,
          isMessageKey(message)
            ? translateKey(locale, message, error instanceof AppError ? error.values : undefined)
            : message,
        ]),
      )
    : undefined;
  const message =
    error instanceof AppError
      ? translateKey(locale, error.messageKey, error.values)
      : translatorFor(locale)(`errors.${publicError.code}`);
  return {
    ok: false,
    code: publicError.code,
    message,
    fields,
    ...(publicError.details !== undefined ? { details: publicError.details } : {}),
  };
}

type Handler<S extends ZodType, A> = (args: {
  actor: A;
  input: z.infer<S>;
  locale: Locale;
}) => Promise<ActionState | void>;

function build<S extends ZodType, A extends Actor | null>(
  name: string,
  schema: S,
  resolveActor: () => Promise<A>,
  handler: Handler<S, A>,
) {
  // A form posted without JavaScript (progressive enhancement) calls the action with its FormData
  // alone; through ActionForm, with the previous state first.
  return async (previous: ActionState | FormData, posted?: FormData): Promise<ActionState> => {
    const formData = posted ?? previous;
    let actor: A | null = null;
    let locale: Locale = 'fr';
    try {
      actor = await resolveActor();
      locale = await currentLocale(actor);
      // Anyone can call an action with any arguments, not only the form the page sends.
      if (!(formData instanceof FormData)) throw new AppError('BAD_REQUEST', 'errors.BAD_REQUEST');
      // The one edge rule for text (lib/validation) before the form's own schema.
      const input = schema.parse(cleanInput(formDataToObject(formData)));
      return (await handler({ actor, input, locale })) ?? { ok: true };
    } catch (error) {
      // Next's redirect() and notFound() work by throwing: let them through.
      if (
        error &&
        typeof error === 'object' &&
        'digest' in error &&
        /^NEXT_/.test(String((error as { digest: unknown }).digest))
      )
        throw error;
      return errorState(error, locale, `action ${name}`);
    }
  };
}

/** A server action for a signed-in person, optionally restricted to a permission. */
export function formAction<S extends ZodType>(spec: {
  name: string;
  schema: S;
  permission?: Permission;
  handler: Handler<S, Actor>;
}) {
  return build(
    spec.name,
    spec.schema,
    async () => {
      const actor = await sessionActor();
      if (!actor) throw new AppError('UNAUTHENTICATED', 'errors.UNAUTHENTICATED');
      if (spec.permission) assertCan(actor, spec.permission);
      return actor;
    },
    spec.handler,
  );
}

/** A server action anyone may call (accepting an invitation, resetting a password). */
export function publicFormAction<S extends ZodType>(spec: { name: string; schema: S; handler: Handler<S, null> }) {
  return build(spec.name, spec.schema, async () => null, spec.handler);
}
