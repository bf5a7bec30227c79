// A person's data, against the seeded demo: GET /api/v1/me/export gives Alice a ZIP of everything
// about her (and nobody else's, and never a token's hash); POST /api/v1/people/{id}/anonymise is an
// admin's, refused for an active person, and erases her identity while every payout report, SEPA
// amount and frozen run stays the same to the cent.
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadActor } from '@/lib/auth/load-actor';
import type { Actor } from '@/lib/auth/permissions';
import { seedDemo } from '@/lib/demo/seed-demo';
import { setPersonActive } from '@/lib/people/people';
import { payoutsCsvResponse } from '@/lib/exports/payout-exports';
import { exportSepa } from '@/lib/treasury/export-sepa';
import { GET as getExport } from '@/app/api/v1/me/export/route';
import { POST as postAnonymise } from '@/app/api/v1/people/[id]/anonymise/route';
import { bearerToken, callRoute, resetDatabase } from '../support/database';

let alice: Actor;
let admin: Actor;
let treasurer: Actor;
const tokens: Record<string, string> = {};

const actorFor = async (email: string) =>
  (await loadActor((await db().person.findUniqueOrThrow({ where: { email } })).id, 'session'))!;

async function download(token: string) {
  const response = await getExport(
    new Request('http://localhost:3000/api/v1/me/export', { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({}) },
  );
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const anonymise = (who: string, id: string) =>
  callRoute(postAnonymise, {
    method: 'POST',
    path: `/api/v1/people/${id}/anonymise`,
    token: tokens[who],
    params: { id },
  });

/** What every treasurer's export of each closed or paid period holds, as text. */
async function periodExports() {
  const periods = await db().fundingPeriod.findMany({
    where: { status: { not: 'OPEN' } },
    orderBy: { startDate: 'asc' },
  });
  const result: Record<string, string> = {};
  for (const period of periods) {
    result[`${period.status} payouts.csv`] = await (
      await payoutsCsvResponse({ actor: treasurer, periodId: period.id })
    ).text();
    const runs = await db().payoutRun.findMany({ where: { periodId: period.id }, include: { lines: true } });
    // The frozen runs whole: inputs, lines and their explanations.
    result[`${period.status} runs`] = JSON.stringify(runs);
    result[`${period.status} payments`] = JSON.stringify(
      await db().payment.findMany({ where: { periodId: period.id }, orderBy: { id: 'asc' } }),
    );
  }
  return result;
}

beforeAll(async () => {
  await resetDatabase();
  await seedDemo();
  alice = await actorFor('alice@monscobar.test');
  admin = await actorFor('admin@monscobar.test');
  treasurer = await actorFor('tresorerie@monscobar.test');
  tokens.alice = await bearerToken(alice.id);
  tokens.admin = await bearerToken(admin.id);
  tokens.treasurer = await bearerToken(treasurer.id);
  await db().notification.create({ data: { personId: alice.id, kind: 'test', data: { hello: 'Alice' } } });
}, 120_000);

describe('GET /api/v1/me/export', () => {
  it('gives the caller a ZIP of everything about them, JSON and CSV, and nothing of anyone else', async () => {
    const { response, bytes } = await download(tokens.alice);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="butin-mes-donnees-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const raw = unzipSync(bytes);
    const files = Object.fromEntries(Object.entries(raw).map(([name, data]) => [name, strFromU8(data)]));
    expect(Object.keys(files).sort()).toEqual(
      [
        'LISEZMOI.txt',
        'contributions.csv',
        'contributions.json',
        'coordonnees-paiement.json',
        'jetons-api.json',
        'journal.json',
        'notifications.json',
        'paiements.csv',
        'paiements.json',
        'profil.json',
        'retributions.csv',
        'retributions.json',
      ].sort(),
    );
    expect(JSON.parse(files['profil.json'])).toMatchObject({
      id: alice.id,
      email: 'alice@monscobar.test',
      name: 'Alice Martin',
    });
    expect(JSON.parse(files['coordonnees-paiement.json'])).toMatchObject({ iban: 'FR1420041010050500013M02606' });

    const contributions = JSON.parse(files['contributions.json']);
    expect(contributions).toHaveLength(await db().contribution.count({ where: { personId: alice.id } }));
    expect(contributions.every((row: { history: unknown[] }) => row.history.length > 0)).toBe(true);
    // The CSV: a BOM, a header, one line per contribution.
    expect([...raw['contributions.csv'].subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(files['contributions.csv'].startsWith('id;date;minutes;')).toBe(true);
    expect(files['contributions.csv'].trimEnd().split('\r\n')).toHaveLength(contributions.length + 1);

    const payouts = JSON.parse(files['retributions.json']);
    const lineCents = await db().payoutLine.aggregate({ where: { personId: alice.id }, _sum: { amountCents: true } });
    expect(payouts.reduce((sum: number, row: { amountCents: number }) => sum + row.amountCents, 0)).toBe(
      lineCents._sum.amountCents,
    );
    const payments = JSON.parse(files['paiements.json']);
    expect(payments.length).toBeGreaterThan(0); // the demo's paid period paid her
    expect(payments.every((row: { payee: string }) => row.payee === 'Alice Martin')).toBe(true);
    expect(JSON.parse(files['notifications.json'])).toEqual([expect.objectContaining({ kind: 'test' })]);

    // Her token by name, never its hash or secret.
    const stored = await db().apiToken.findFirstOrThrow({ where: { personId: alice.id } });
    expect(JSON.parse(files['jetons-api.json'])).toEqual([
      expect.objectContaining({ name: stored.name, prefix: stored.prefix }),
    ]);
    const everything = Object.values(files).join('\n');
    expect(everything).not.toContain(stored.tokenHash);
    expect(everything).not.toContain(tokens.alice);
    expect(everything).not.toContain(stored.tokenHash.slice(0, 16));
    // Nobody else's data: no other person's email or contribution.
    expect(everything).not.toContain('bruno@monscobar.test');
    const others = await db().contribution.findMany({ where: { personId: { not: alice.id } }, select: { id: true } });
    expect(others.some((row) => everything.includes(row.id))).toBe(false);
  });

  it('needs a caller', async () => {
    const response = await getExport(new Request('http://localhost:3000/api/v1/me/export'), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(401);
  });
});

describe('POST /api/v1/people/{id}/anonymise', () => {
  it("is an admin's only, and refused for an active person, changing nothing", async () => {
    const before = await db().person.findUniqueOrThrow({ where: { id: alice.id }, include: { payoutProfile: true } });
    expect((await anonymise('treasurer', alice.id)).status).toBe(403);
    const active = await anonymise('admin', alice.id);
    expect(active.status).toBe(409);
    expect(active.body.error.details.reason).toBe('PERSON_ACTIVE');
    expect((await anonymise('admin', 'no-such-person')).status).toBe(404);
    expect(await db().person.findUniqueOrThrow({ where: { id: alice.id }, include: { payoutProfile: true } })).toEqual(
      before,
    );
  });

  it("erases a deactivated person's identity and keeps every figure: exports are the same but for her name", async () => {
    const before = await periodExports();
    const sepaBefore = await exportSepa({
      actor: treasurer,
      periodId: (await db().fundingPeriod.findFirstOrThrow({ where: { status: 'CLOSED' } })).id,
    });
    const aliceTransfer = sepaBefore.transfers.find((transfer) => transfer.iban === 'FR1420041010050500013M02606');
    expect(aliceTransfer).toBeTruthy();
    await db().invitation.create({
      data: {
        personId: alice.id,
        purpose: 'PASSWORD_RESET',
        tokenHash: `hash-${Date.now()}`,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });

    await setPersonActive({ actor: admin, personId: alice.id, active: false });
    const result = await anonymise('admin', alice.id);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ id: alice.id, name: 'Personne anonymisée 1', anonymised: true });
    expect(result.body.removed).toMatchObject({ apiTokens: 1, invitations: 1, notifications: 1 });

    const person = await db().person.findUniqueOrThrow({ where: { id: alice.id }, include: { payoutProfile: true } });
    expect(person).toMatchObject({
      name: 'Personne anonymisée 1',
      email: 'personne-anonymisee-1@anonyme.invalid',
      passwordHash: null,
    });
    expect(person.payoutProfile).toMatchObject({
      legalName: 'Personne anonymisée 1',
      iban: null,
      bic: null,
      siret: null,
      addressLine1: null,
      addressLine2: null,
      postalCode: null,
      city: null,
    });
    expect(await db().apiToken.count({ where: { personId: alice.id } })).toBe(0);
    expect(await db().invitation.count({ where: { personId: alice.id } })).toBe(0);
    expect(await db().notification.count({ where: { personId: alice.id } })).toBe(0);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: 'person.anonymised', entityId: alice.id } });
    expect(audit.actorId).toBe(admin.id);

    // Every export of every closed or paid period: the same bytes, her name and email aside.
    const after = await periodExports();
    const renamed = (text: string) =>
      text
        .replaceAll('Alice Martin', 'Personne anonymisée 1')
        .replaceAll('alice@monscobar.test', 'personne-anonymisee-1@anonyme.invalid');
    const lines = (text: string) => text.split('\r\n').sort();
    for (const key of Object.keys(before)) {
      if (key.endsWith('payments'))
        expect(after[key], key).toEqual(before[key]); // accounting records, as recorded
      // The same lines; a report sorted by name may place hers elsewhere.
      else expect(lines(after[key]), key).toEqual(lines(renamed(before[key])));
    }
    expect(before['CLOSED payouts.csv']).toContain('Alice Martin');
    // The SEPA file can no longer pay her (no IBAN): the same amount is listed as left out.
    const closedId = (await db().fundingPeriod.findFirstOrThrow({ where: { status: 'CLOSED' } })).id;
    const sepaAfter = await exportSepa({ actor: treasurer, periodId: closedId });
    const excluded = sepaAfter.excluded.find((payee) => payee.payeeKey === `person:${alice.id}`);
    expect(excluded?.amountCents).toBe(aliceTransfer!.amountCents);
    expect(sepaAfter.totalCents + excluded!.amountCents).toBe(sepaBefore.totalCents);

    // A second anonymisation is refused; the next person gets the next number.
    expect((await anonymise('admin', alice.id)).status).toBe(409);
    const bruno = await actorFor('bruno@monscobar.test');
    await setPersonActive({ actor: admin, personId: bruno.id, active: false });
    expect((await anonymise('admin', bruno.id)).body.name).toBe('Personne anonymisée 2');
  });
});
