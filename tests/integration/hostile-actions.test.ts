// Every server action of the app, attacked with hostile values inside otherwise ordinary forms —
// NUL bytes, year-0000 and impossible dates, huge and non-finite numbers, Unicode tricks (bidi
// overrides, zero-width and combining characters), strings that look percent-encoded, 1 MB text —
// as a signed-out visitor, a contributor and an admin (the admin also one field at a time). An action must answer a state the form can
// show (or Next's redirect / notFound), never throw, and never the generic INTERNAL error that an
// unexpected failure (a database error reaching the action) becomes. Only Next's request context
// is stood in for, as in form-actions.test.ts.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ActorModule from '@/lib/auth/actor';
import { createChantier, createPerson, createPeriod, resetDatabase } from '../support/database';

const context = vi.hoisted(() => ({ personId: null as string | null }));

vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
  headers: async () => new Headers({ 'x-forwarded-for': '198.51.100.9' }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock('@/lib/auth/actor', async (importOriginal) => {
  const actual = await importOriginal<typeof ActorModule>();
  return {
    ...actual,
    sessionActor: async () => (context.personId ? actual.loadActor(context.personId, 'session') : null),
  };
});

const MODULES = {
  ...import.meta.glob<Record<string, unknown>>('../../app/**/actions.ts'),
  ...import.meta.glob<Record<string, unknown>>('../../lib/**/actions.ts'),
  ...import.meta.glob<Record<string, unknown>>('../../lib/i18n/locale-actions.ts'),
};

/** Every field name a form of the app sends (from the forms' `name="…"`), with an ordinary value. */
const ORDINARY: Record<string, string> = {
  action: 'approve',
  active: 'true',
  addressLine1: '1 rue des Lilas',
  addressLine2: '',
  amountCents: '1000',
  approve: 'true',
  bic: 'AGRIFRPP',
  capMinutes: '600',
  chantierId: 'x',
  city: 'Mons',
  code: 'C9',
  collective: 'Monscobar',
  comment: 'ok',
  confirm: 'true',
  country: 'FR',
  csv: 'date;duration\n2026-03-02;1h',
  date: '2026-03-02',
  debtorBic: 'AGRIFRPP',
  debtorIban: 'FR7630006000011234567890189',
  debtorName: 'Monscobar',
  defaultRateCents: '1500',
  description: 'Atelier',
  duration: '1h',
  email: 'someone@test.local',
  endDate: '2026-06-30',
  fileName: 'import.csv',
  iban: 'FR7630006000011234567890189',
  id: 'x',
  'ids[]': 'x',
  intent: 'submit',
  legalName: 'Association',
  link: 'https://example.org',
  locale: 'fr',
  mode: 'dry-run',
  name: 'Nom',
  organisationName: 'Association',
  overflowPolicy: 'PRORATA',
  paidOn: '2026-03-02',
  password: 'correct horse battery staple',
  passwordConfirm: 'correct horse battery staple',
  payeeId: 'x',
  payeeType: 'PERSON',
  'payees[]': 'x',
  paymentId: 'x',
  periodId: 'x',
  personId: 'x',
  placeId: '',
  postalCode: '75001',
  reason: 'Hors périmètre',
  reference: 'REF-1',
  referentOf: 'x',
  reversedOn: '2026-03-03',
  roles: 'CONTRIBUTOR',
  rows: '[]',
  siret: '12345678901234',
  sort: 'newest',
  startDate: '2026-03-01',
  status: 'SUBMITTED',
  timeZone: 'Europe/Paris',
  token: 'x',
  transparency: 'OPEN',
  version: '1',
  volunteer: 'false',
  weekStart: '2026-03-02',
};

/**
 * The values also tried one field at a time, as the admin, who may call every action (with four
 * values this took 9 248 calls, 724 s under a load of 30: every value still goes in every field at once).
 */
const PER_FIELD = new Set(['a NUL byte', 'year 0000']);

const HOSTILE: [string, string][] = [
  ['a NUL byte', 'a\u0000b'],
  ['year 0000', '0000-01-01'],
  ['30 February', '2026-02-30'],
  ['a huge number', '9'.repeat(400)],
  ['a non-finite number', '1e400'],
  ['a negative zero', '-0'],
  ['bidi override', '\u202Eevil\u202C'],
  ['zero-width and combining', 'a\u200B\u0301\uFEFF'],
  ['a lone surrogate', '\uD800'],
  ['bad percent-encoding', '%FF%C0%AF%'],
  ['1 MB', 'x'.repeat(1_000_000)],
];

type Action = (...args: unknown[]) => Promise<unknown>;

/** Next's redirect() and notFound() throw errors it catches itself: an action may end that way. */
const isNextControlFlow = (error: unknown) =>
  typeof (error as { digest?: unknown })?.digest === 'string' &&
  /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND)/.test((error as { digest: string }).digest);

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

async function expectHandled(label: string, action: Action, data: FormData) {
  let state: unknown;
  try {
    // A form's action (previous state, form data), or a plain one (form data) such as the language switch.
    state = action.length === 1 ? await action(data) : await action(null, data);
  } catch (error) {
    if (isNextControlFlow(error)) return;
    throw new Error(`${label} threw: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
  }
  const code = (state as { code?: unknown } | null | undefined)?.code;
  expect(code, `${label} → ${JSON.stringify(state)?.slice(0, 300)}`).not.toBe('INTERNAL');
}

const people: Record<string, string | null> = { visitor: null };

beforeAll(async () => {
  await resetDatabase();
  const chantier = await createChantier({ name: 'Potager' });
  await createPeriod({ name: 'Printemps', startDate: '2026-03-01', endDate: '2026-06-30' });
  ORDINARY.chantierId = chantier.id;
  people.contributor = (await createPerson({ name: 'Olga' })).id;
  people.admin = (await createPerson({ name: 'Ada', roles: ['ADMIN', 'TREASURER'] })).id;
});

describe('every server action, with hostile values in ordinary forms', () => {
  it('answers a state the form shows, never an exception nor an INTERNAL error', async () => {
    const actions: [string, Action][] = [];
    for (const [file, load] of Object.entries(MODULES)) {
      const exported = await load();
      for (const [name, value] of Object.entries(exported)) {
        if (typeof value === 'function') actions.push([`${file.replace('../../', '')} ${name}`, value as Action]);
      }
    }
    expect(actions.length).toBeGreaterThan(25);
    let calls = 0;
    for (const [role, personId] of Object.entries(people)) {
      context.personId = personId;
      for (const [label, action] of actions) {
        for (const [what, value] of HOSTILE) {
          // Every field hostile at once, then each field alone in an otherwise ordinary form.
          const everything = Object.fromEntries(Object.keys(ORDINARY).map((name) => [name, value]));
          await expectHandled(`${role} ${label} every field = ${what}`, action, form(everything));
          calls++;
          if (role !== 'admin' || !PER_FIELD.has(what)) continue;
          for (const field of Object.keys(ORDINARY)) {
            await expectHandled(`${role} ${label} ${field} = ${what}`, action, form({ ...ORDINARY, [field]: value }));
            calls++;
          }
        }
      }
    }
    console.info(`${calls} server-action calls`);
    expect(calls).toBeGreaterThan(1000);
  }, 900_000);
});
