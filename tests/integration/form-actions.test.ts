// The forms' one way in (formAction) and the contribution form's actions, against the real
// database: the signed-in person re-read from it, the form parsed with the API's schema, the
// permission, errors as a state the form shows in the person's language — and the edit form's
// "save and submit" as one transaction. Only Next's request context is stood in for: the session
// (a person id), the locale cookie and the cache revalidation, which need a running Next server.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { db } from '@/lib/db';
import { formAction, type ActionState } from '@/lib/actions/form-action';
import { declareAction, editAction } from '@/lib/contributions/actions';
import { translatorFor } from '@/lib/i18n/translator';
import type { Actor } from '@/lib/auth/permissions';
import type * as ActorModule from '@/lib/auth/actor';
import {
  createChantier,
  createPerson,
  createPeriod,
  resetDatabase,
  seedContribution,
  sql,
  tableCounts,
} from '../support/database';

const context = vi.hoisted(() => ({ personId: null as string | null, locale: null as string | null }));

vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (name === 'butin-locale' && context.locale ? { name, value: context.locale } : undefined),
  }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/lib/auth/actor', async (importOriginal) => {
  const actual = await importOriginal<typeof ActorModule>();
  return {
    ...actual,
    sessionActor: async () => (context.personId ? actual.loadActor(context.personId, 'session') : null),
  };
});

let owner: Actor;
let admin: Actor;
let chantierId: string;
let periodId: string;
const DATE = '2026-04-07';

beforeAll(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Potager' })).id;
  periodId = (await createPeriod({ name: 'Printemps', startDate: '2026-03-01', endDate: '2026-06-30' })).id;
  owner = await createPerson({ name: 'Olga' });
  admin = await createPerson({ name: 'Ada', roles: ['ADMIN'] });
});

beforeEach(() => {
  context.personId = owner.id;
  context.locale = null;
});

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  return data;
}

const declare = (fields: Record<string, string>) => declareAction(null, form(fields));
const edit = (fields: Record<string, string>) => editAction(null, form(fields));
const failed = (state: ActionState) => {
  if (!state || state.ok) throw new Error(`expected a refusal, got ${JSON.stringify(state)}`);
  return state;
};

describe('formAction', () => {
  const guarded = formAction({
    name: 'guardedForTests',
    schema: z.object({ label: z.string().max(20), count: z.coerce.number().int().min(1, 'validation.invalid') }),
    permission: 'people.update',
    handler: async ({ actor, input }) => ({ ok: true, data: { by: actor.id, label: input.label, count: input.count } }),
  });
  const throwing = (error: unknown) =>
    formAction({
      name: 'throwingForTests',
      schema: z.object({}),
      handler: async () => {
        throw error;
      },
    });

  it('refuses a visitor without a session, in French by default', async () => {
    context.personId = null;
    expect(await guarded(null, form({ label: 'a', count: '1' }))).toEqual({
      ok: false,
      code: 'UNAUTHENTICATED',
      message: translatorFor('fr')('errors.UNAUTHENTICATED'),
    });
  });

  it('checks the permission against the person as stored, and runs the handler with the parsed input', async () => {
    expect(failed(await guarded(null, form({ label: 'a', count: '2' })))).toMatchObject({
      code: 'FORBIDDEN',
      message: translatorFor('fr')('errors.FORBIDDEN'),
    });
    context.personId = admin.id;
    expect(await guarded(null, form({ label: 'a', count: '2' }))).toEqual({
      ok: true,
      data: { by: admin.id, label: 'a', count: 2 },
    });
    // Demoted in the database: refused on the very next call.
    await db().person.update({ where: { id: admin.id }, data: { roles: ['CONTRIBUTOR'] } });
    expect(failed(await guarded(null, form({ label: 'a', count: '2' }))).code).toBe('FORBIDDEN');
    await db().person.update({ where: { id: admin.id }, data: { roles: ['ADMIN', 'CONTRIBUTOR'] } });
  });

  it('names each refused field in the person’s language, a missing one as required', async () => {
    context.personId = admin.id;
    context.locale = 'en';
    expect(failed(await guarded(null, form({})))).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: translatorFor('en')('errors.VALIDATION'),
      fields: { label: 'This field is required.', count: 'Invalid value.' },
    });
    context.locale = 'fr';
    expect(failed(await guarded(null, form({ label: 'a', count: '0' }))).fields).toEqual({ count: 'Valeur invalide.' });
  });

  it('shows an unexpected error as a short generic message, never its text', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const state = failed(await throwing(new Error('secret internals'))(null, form({})));
    expect(state).toEqual({ ok: false, code: 'INTERNAL', message: translatorFor('fr')('errors.INTERNAL') });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('lets Next’s redirect and notFound through', async () => {
    const redirect = Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/x;307;' });
    await expect(throwing(redirect)(null, form({}))).rejects.toBe(redirect);
  });
});

describe('declareAction', () => {
  it('declares a draft, or submits it at once with the submit button', async () => {
    const draft = await declare({ date: DATE, duration: '1h30', chantierId, description: 'Semis', intent: 'draft' });
    expect(draft).toMatchObject({ ok: true, message: translatorFor('fr')('declare.savedDraft') });
    const sent = await declare({
      date: DATE,
      duration: '45min',
      chantierId,
      description: 'Arrosage',
      intent: 'submit',
    });
    expect(sent).toMatchObject({ ok: true, message: translatorFor('fr')('declare.savedSubmitted') });
    const ids = [draft, sent].map((state) => (state as unknown as { data: { id: string } }).data.id);
    const rows = await db().contribution.findMany({ where: { id: { in: ids } }, orderBy: { minutes: 'desc' } });
    expect(rows.map((row) => [row.personId, row.minutes, row.status, row.periodId])).toEqual([
      [owner.id, 90, 'DRAFT', periodId],
      [owner.id, 45, 'SUBMITTED', periodId],
    ]);
  });

  it('refuses a bad form field by field, in the person’s language, writing nothing', async () => {
    const before = await tableCounts();
    const state = failed(await declare({ duration: '25h', chantierId, description: ' ', intent: 'submit' }));
    expect(state.code).toBe('VALIDATION');
    expect(state.fields).toEqual({
      date: translatorFor('fr')('validation.required'),
      duration: translatorFor('fr')('errors.duration.TOO_LONG'),
      description: translatorFor('fr')('validation.describeWork'),
    });
    context.locale = 'en';
    const english = failed(await declare({ date: '2001-01-01', duration: '1h', chantierId, description: 'x' }));
    expect(english).toMatchObject({ code: 'NO_PERIOD', fields: { date: translatorFor('en')('errors.NO_PERIOD') } });
    expect(english.message).toBe(translatorFor('en')('errors.NO_PERIOD_FOR_DATE', { date: '01/01/2001' }));
    expect(await tableCounts()).toEqual(before);
  });
});

describe('editAction', () => {
  let id: string;
  beforeEach(async () => {
    id = (await seedContribution({ personId: owner.id, chantierId, periodId, date: DATE, minutes: 60 })).id;
  });
  afterEach(async () => {
    await sql('DROP TRIGGER IF EXISTS refuse_transition ON contribution_events');
  });

  const fields = (extra: Record<string, string>) => ({
    id,
    version: '1',
    date: DATE,
    duration: '2h',
    chantierId,
    description: 'Désherbage',
    ...extra,
  });

  it('saves and submits in one step: one new version, the edit and the submission in the history', async () => {
    expect(await edit(fields({ intent: 'submit' }))).toMatchObject({
      ok: true,
      message: translatorFor('fr')('declare.savedSubmitted'),
    });
    const stored = await db().contribution.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ minutes: 120, description: 'Désherbage', status: 'SUBMITTED', version: 2 });
    const events = await db().contributionEvent.findMany({ where: { contributionId: id }, orderBy: { id: 'asc' } });
    expect(events.map((event) => [event.kind, event.fromStatus, event.toStatus])).toEqual([
      ['CREATED', null, 'DRAFT'],
      ['EDITED', 'DRAFT', 'DRAFT'],
      ['TRANSITION', 'DRAFT', 'SUBMITTED'],
    ]);
  });

  it('keeps the edit unsaved when the submission fails: one transaction', async () => {
    // The database refuses this contribution's submission (standing in for any failure after the edit).
    await sql(`CREATE OR REPLACE FUNCTION refuse_transition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.kind = 'TRANSITION' AND NEW.contribution_id = '${id}' THEN RAISE EXCEPTION 'refused for the test'; END IF;
        RETURN NEW;
      END $$`);
    await sql(
      'CREATE TRIGGER refuse_transition BEFORE INSERT ON contribution_events FOR EACH ROW EXECUTE FUNCTION refuse_transition()',
    );
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const state = failed(await edit(fields({ intent: 'submit' })));
    spy.mockRestore();
    expect(state.code).toBe('INTERNAL');
    expect(await db().contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({
      minutes: 60,
      status: 'DRAFT',
      version: 1,
    });
    expect(await db().contributionEvent.count({ where: { contributionId: id, kind: 'EDITED' } })).toBe(0);
  });

  it('saves without submitting, clears an emptied place, and refuses a stale version with the current values', async () => {
    expect(await edit(fields({ intent: 'save', placeId: '' }))).toMatchObject({ ok: true });
    expect(await db().contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'DRAFT',
      placeId: null,
      version: 2,
    });
    const stale = failed(await edit(fields({ intent: 'submit', duration: '3h' })));
    expect(stale.code).toBe('STALE_VERSION');
    expect(stale.message).toBe(translatorFor('fr')('errors.STALE_CONTRIBUTION'));
    expect(stale.details).toMatchObject({ current: { minutes: 120, version: 2, status: 'DRAFT' } });
    expect(await db().contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({ minutes: 120, version: 2 });
  });

  it('finds no contribution of someone else’s (NOT_FOUND), changing nothing', async () => {
    context.personId = admin.id;
    expect(failed(await edit(fields({ intent: 'submit' }))).code).toBe('NOT_FOUND');
    expect(await db().contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({ minutes: 60, version: 1 });
  });
});
