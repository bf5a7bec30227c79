// The worked example of docs/pricing.md, priced by the real pricing module, with the names and payees
// the export tests print: Alice 444,45 €, Bob 444,44 €, Chloé 111,11 € in chantier 1 (an envelope
// of 1 000 € for 1 350 € asked), plus 2 h of Alice's volunteering in chantier 2 at La Baraka.
// Bob and Chloé are paid through La Coroutine. Used by tests only.
import { computePayoutsWithClaims, type PricingInput } from '@/lib/pricing';
import type { ReportChantier, ReportPerson } from './payout-report';

export const WORKED_INPUT: PricingInput = {
  settings: {
    defaultRateCents: 3000,
    capMinutes: null,
    overflowPolicy: 'PRORATA',
    envelopes: [{ chantierId: 'c1', amountCents: 100_000 }],
    rates: [{ personId: 'p-bob', rateCents: 4000 }],
  },
  contributions: [
    {
      id: 'k1',
      personId: 'p-alice',
      chantierId: 'c1',
      placeId: 'pl-cor',
      date: '2026-03-02',
      createdAt: '2026-03-02T10:00:00Z',
      minutes: 900,
      volunteer: false,
    },
    {
      id: 'k2',
      personId: 'p-alice',
      chantierId: 'c1',
      placeId: 'pl-bar',
      date: '2026-03-03',
      createdAt: '2026-03-03T10:00:00Z',
      minutes: 300,
      volunteer: false,
    },
    {
      id: 'k3',
      personId: 'p-bob',
      chantierId: 'c1',
      placeId: 'pl-cor',
      date: '2026-03-04',
      createdAt: '2026-03-04T10:00:00Z',
      minutes: 900,
      volunteer: false,
    },
    {
      id: 'k4',
      personId: 'p-chloe',
      chantierId: 'c1',
      placeId: null,
      date: '2026-03-05',
      createdAt: '2026-03-05T10:00:00Z',
      minutes: 300,
      volunteer: false,
    },
    {
      id: 'k5',
      personId: 'p-alice',
      chantierId: 'c2',
      placeId: 'pl-bar',
      date: '2026-03-06',
      createdAt: '2026-03-06T10:00:00Z',
      minutes: 120,
      volunteer: true,
    },
  ],
};

// Priced with step 0 and no claim: the same cents, with the claim parts (all zero but the hours).
export const workedResult = () => computePayoutsWithClaims({ ...WORKED_INPUT, claims: [] });

export const WORKED_PEOPLE = new Map<string, ReportPerson>([
  [
    'p-alice',
    { name: 'Alice Martin', email: 'alice@monscobar.test', payeeKey: 'person:p-alice', payeeName: 'Alice Martin' },
  ],
  [
    'p-bob',
    { name: 'Bob Lefebvre', email: 'bob@monscobar.test', payeeKey: 'org:la-coroutine', payeeName: 'La Coroutine' },
  ],
  [
    'p-chloe',
    { name: 'Chloé Dubois', email: 'chloe@monscobar.test', payeeKey: 'org:la-coroutine', payeeName: 'LA COROUTINE' },
  ],
]);

export const WORKED_CHANTIERS = new Map<string, ReportChantier>([
  ['c1', { code: 'C1', name: 'Gestion et animation des tiers-lieux' }],
  ['c2', { code: 'C2', name: 'Accompagnement des collectifs' }],
]);

export const WORKED_PLACES = new Map([
  ['pl-cor', 'La Coroutine'],
  ['pl-bar', 'La Baraka'],
]);
