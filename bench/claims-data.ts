// One funding period's claims (expenses, trips, fixed fees, gifts in kind) with their history and
// receipts, and its plan (prévisionnel), generated beside its contributions. A claim is declared
// with some work: it takes the person, chantier, place, day, status, reviewer and times of a
// contribution of the same period, so its lifecycle is as coherent as the contribution's (a closed
// period holds no claim still waiting; nobody reviews their own). Fixed fees of an open period are
// sometimes committed before the work by a referent. Receipts are tiny files (their bytes do not
// matter to the benchmark, their number and metadata do). Pure and seeded per period, on its own
// sub-stream: adding claims did not change a single contribution.
import { createHash } from 'node:crypto';
import { createRandom, cuidLike, deriveSeed, weightedPicker, type Random } from './prng';
import type { BenchCollective } from './collective';
import type { GeneratedContribution, PeriodData, PeriodSettings } from './period-data';
import type { PeriodPlan } from './plan';

export const CLAIM_KINDS = ['EXPENSE', 'MILEAGE', 'FIXED_FEE', 'IN_KIND'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export type ClaimStatus = 'COMMITTED' | 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'CHANGES_REQUESTED';

/** About one claim for this many contributions. */
export const CONTRIBUTIONS_PER_CLAIM = 40;
/** At most this many receipts per claim (the app refuses an eleventh). */
export const MAX_ATTACHMENTS = 10;

export type GeneratedClaim = {
  id: string;
  person: number;
  createdBy: number;
  chantier: number;
  place: number | null;
  date: string;
  kind: ClaimKind;
  description: string;
  amountCents: number;
  distanceKm: number | null;
  status: ClaimStatus;
  version: number;
  reviewer: number | null;
  reviewedAtMs: number | null;
  submittedAtMs: number | null;
  deletedAtMs: number | null;
  createdAtMs: number;
  updatedAtMs: number;
};

export type GeneratedClaimEvent = {
  claimId: string;
  actor: number;
  atMs: number;
  kind: 'CREATED' | 'TRANSITION' | 'DELETED';
  fromStatus: ClaimStatus | null;
  toStatus: ClaimStatus | null;
  comment: string | null;
};

export type GeneratedAttachment = {
  id: string;
  claimId: string;
  fileName: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  /** The file itself: a few dozen bytes. */
  bytes: Buffer;
  sha256: string;
  uploadedBy: number;
  createdAtMs: number;
};

export type GeneratedPlanLine = {
  id: string;
  chantier: number;
  /** null: anyone (the chantier's line). */
  person: number | null;
  plannedMinutes: number;
  plannedFixedCents: number;
  updatedBy: number;
  updatedAtMs: number;
};

export type PeriodClaims = {
  claims: GeneratedClaim[];
  events: GeneratedClaimEvent[];
  attachments: GeneratedAttachment[];
  planLines: GeneratedPlanLine[];
};

const DESCRIPTIONS: Record<ClaimKind, readonly string[]> = {
  EXPENSE: [
    'Fournitures pour l’atelier',
    'Billets de train pour la rencontre',
    'Impression des affiches',
    'Café et collation de la réunion',
    'Petit matériel de bricolage',
    'Timbres et enveloppes',
    'Location d’une camionnette',
  ],
  MILEAGE: [
    'Aller-retour pour la permanence',
    'Livraison de matériel',
    'Trajet vers la réunion des partenaires',
    'Collecte de dons',
  ],
  FIXED_FEE: [
    'Animation d’atelier au forfait',
    'Conception graphique au forfait (devis accepté)',
    'Réparation au forfait',
    'Formation au forfait',
  ],
  IN_KIND: ['Salle prêtée pour une soirée', 'Prêt d’un vidéoprojecteur', 'Dons de matériaux', 'Prêt d’un véhicule'],
};
const REJECTIONS = ['Pas de justificatif lisible', 'Dépense hors du chantier', 'Déjà remboursé le mois dernier'];
const CHANGES = ['Merci de joindre le ticket', 'Le montant ne correspond pas au justificatif', 'Précisez le trajet'];

const pickKind = weightedPicker([50, 30, 8, 12]);
const pickType = weightedPicker([50, 35, 15]);
const TYPES = [
  { contentType: 'application/pdf', extension: 'pdf' },
  { contentType: 'image/jpeg', extension: 'jpg' },
  { contentType: 'image/png', extension: 'png' },
] as const;

/** What a claim is worth to pricing: its amount, or its distance at the period's mileage rate. */
export function claimValueCents(claim: Pick<GeneratedClaim, 'kind' | 'amountCents'>): number {
  return claim.amountCents;
}

function receiptCount(random: Random, kind: ClaimKind): number {
  const draw = random.next();
  if (kind === 'EXPENSE') return draw < 0.1 ? 0 : draw < 0.9 ? 1 : draw < 0.99 ? 2 : MAX_ATTACHMENTS;
  if (kind === 'FIXED_FEE') return draw < 0.4 ? 1 : 0;
  if (kind === 'IN_KIND') return draw < 0.2 ? 1 : 0;
  return 0;
}

/** The claim's status, from the contribution it goes with; a fixed fee of an open period may be committed. */
function statusOf(anchor: GeneratedContribution, kind: ClaimKind, open: boolean, random: Random): ClaimStatus {
  if (kind === 'FIXED_FEE' && open && anchor.status !== 'APPROVED' && random.chance(0.3)) return 'COMMITTED';
  return anchor.status;
}

export function generatePeriodClaims(options: {
  plan: PeriodPlan;
  settings: PeriodSettings;
  collective: BenchCollective;
  data: PeriodData;
  seed: number;
}): PeriodClaims {
  const { plan, settings, collective, data } = options;
  const random = createRandom(deriveSeed(options.seed, 'claims', plan.index));
  let counter = 0;
  const open = plan.status === 'OPEN';
  const count = Math.round(plan.total / CONTRIBUTIONS_PER_CLAIM);
  const claims: GeneratedClaim[] = [];
  const events: GeneratedClaimEvent[] = [];
  const attachments: GeneratedAttachment[] = [];
  if (data.contributions.length === 0) return { claims, events, attachments, planLines: [] };

  for (let n = 0; n < count; n++) {
    const anchor = data.contributions[random.int(0, data.contributions.length - 1)];
    const kind = CLAIM_KINDS[pickKind(random)];
    const status = statusOf(anchor, kind, open, random);
    const distanceKm = kind === 'MILEAGE' ? random.int(3, 400) : null;
    const amountCents =
      kind === 'MILEAGE'
        ? distanceKm! * settings.mileageRateCents
        : kind === 'EXPENSE'
          ? random.int(5, 250) * 100 + random.int(0, 99)
          : kind === 'FIXED_FEE'
            ? random.int(1, 16) * 5_000
            : random.int(2, 60) * 1_000;
    const referents = collective.referentsByChantier[anchor.chantier].filter((index) => index !== anchor.person);
    const createdBy =
      status === 'COMMITTED' ? (referents.length > 0 ? random.pick(referents) : collective.adminIndex) : anchor.person;
    const id = cuidLike(random, anchor.createdAtMs, counter++);
    const claim: GeneratedClaim = {
      id,
      person: anchor.person,
      createdBy,
      chantier: anchor.chantier,
      place: anchor.place,
      date: anchor.date,
      kind,
      description: random.pick(DESCRIPTIONS[kind]),
      amountCents,
      distanceKm,
      status,
      version: 1,
      reviewer: null,
      reviewedAtMs: null,
      submittedAtMs: null,
      deletedAtMs: null,
      createdAtMs: anchor.createdAtMs,
      updatedAtMs: anchor.createdAtMs,
    };
    const event = (
      actor: number,
      atMs: number,
      eventKind: GeneratedClaimEvent['kind'],
      fromStatus: ClaimStatus | null,
      toStatus: ClaimStatus | null,
      comment: string | null = null,
    ) => events.push({ claimId: id, actor, atMs, kind: eventKind, fromStatus, toStatus, comment });

    event(createdBy, claim.createdAtMs, 'CREATED', null, status === 'COMMITTED' ? 'COMMITTED' : 'DRAFT');
    if (status === 'DRAFT' && anchor.deletedAtMs !== null) {
      claim.deletedAtMs = anchor.deletedAtMs;
      claim.updatedAtMs = anchor.deletedAtMs;
      claim.version = 2;
      event(anchor.person, anchor.deletedAtMs, 'DELETED', 'DRAFT', null);
    }
    if (status !== 'DRAFT' && status !== 'COMMITTED') {
      const submittedAtMs = anchor.submittedAtMs ?? anchor.createdAtMs;
      claim.submittedAtMs = submittedAtMs;
      claim.version = 2;
      claim.updatedAtMs = submittedAtMs;
      event(anchor.person, submittedAtMs, 'TRANSITION', 'DRAFT', 'SUBMITTED');
      if (status !== 'SUBMITTED') {
        const reviewedAtMs = Math.max(submittedAtMs, anchor.reviewedAtMs ?? submittedAtMs);
        const comment =
          status === 'REJECTED'
            ? random.pick(REJECTIONS)
            : status === 'CHANGES_REQUESTED'
              ? random.pick(CHANGES)
              : null;
        claim.reviewer = anchor.reviewer;
        claim.reviewedAtMs = reviewedAtMs;
        claim.version = 3;
        claim.updatedAtMs = reviewedAtMs;
        event(anchor.reviewer!, reviewedAtMs, 'TRANSITION', 'SUBMITTED', status, comment);
      }
    }
    claims.push(claim);

    for (let file = 0; file < receiptCount(random, kind); file++) {
      const type = TYPES[pickType(random)];
      const bytes = Buffer.from(`${type.extension.toUpperCase()} receipt ${id} ${file + 1}\n`, 'utf8');
      attachments.push({
        id: cuidLike(random, claim.createdAtMs, counter++),
        claimId: id,
        fileName: `${kind === 'FIXED_FEE' ? 'devis' : 'justificatif'}-${file + 1}.${type.extension}`,
        contentType: type.contentType,
        bytes,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedBy: createdBy,
        createdAtMs: claim.createdAtMs,
      });
    }
  }
  claims.sort((a, b) => a.createdAtMs - b.createdAtMs || (a.id < b.id ? -1 : 1));
  events.sort((a, b) => a.atMs - b.atMs);

  return { claims, events, attachments, planLines: planLines(random, options, claims) };
}

/**
 * The fixed amounts F of each chantier (expenses, trips and fixed fees approved, waiting or
 * committed): the envelope is raised by them so that no chantier is overdrawn and closing works.
 */
export function fixedCentsByChantier(claims: readonly GeneratedClaim[]): Map<number, number> {
  const fixed = new Map<number, number>();
  for (const claim of claims) {
    if (claim.kind === 'IN_KIND' || claim.deletedAtMs !== null) continue;
    if (claim.status === 'DRAFT' || claim.status === 'REJECTED') continue;
    fixed.set(claim.chantier, (fixed.get(claim.chantier) ?? 0) + claimValueCents(claim));
  }
  return fixed;
}

const MAX_PLANNED_MINUTES = 6_000_000;
const MAX_PLANNED_FIXED_CENTS = 100_000_000;

/** Each chantier with an envelope is planned: an "anyone" line near its demand, and a few people by name. */
function planLines(
  random: Random,
  options: { plan: PeriodPlan; settings: PeriodSettings; collective: BenchCollective; data: PeriodData },
  claims: readonly GeneratedClaim[],
): GeneratedPlanLine[] {
  const { settings, collective, data } = options;
  const demandMinutes = new Map<number, number>();
  const workers = new Map<number, number[]>();
  for (const row of data.contributions) {
    if (row.deletedAtMs !== null || row.status === 'REJECTED') continue;
    demandMinutes.set(row.chantier, (demandMinutes.get(row.chantier) ?? 0) + row.minutes);
    const list = workers.get(row.chantier) ?? [];
    if (list.length < 200) list.push(row.person);
    workers.set(row.chantier, list);
  }
  const fixed = fixedCentsByChantier(claims);
  const lines: GeneratedPlanLine[] = [];
  let counter = 0;
  for (const { chantier } of data.envelopes) {
    const editors = collective.referentsByChantier[chantier];
    const updatedBy = editors.length > 0 ? random.pick(editors) : collective.treasurerIndexes[0];
    const updatedAtMs = settings.createdAtMs + random.int(1, 15) * 86_400_000;
    const planned = (demandMinutes.get(chantier) ?? 0) * (0.8 + 0.4 * random.next());
    lines.push({
      id: cuidLike(random, updatedAtMs, counter++),
      chantier,
      person: null,
      plannedMinutes: Math.min(MAX_PLANNED_MINUTES, Math.round(planned / 60) * 60),
      plannedFixedCents: Math.min(
        MAX_PLANNED_FIXED_CENTS,
        Math.round(((fixed.get(chantier) ?? 0) * (0.9 + 0.4 * random.next())) / 100) * 100,
      ),
      updatedBy,
      updatedAtMs,
    });
    const named = new Set<number>();
    const pool = workers.get(chantier) ?? [];
    for (let n = 0; n < 4 && pool.length > 0; n++) named.add(random.pick(pool));
    for (const person of named)
      lines.push({
        id: cuidLike(random, updatedAtMs, counter++),
        chantier,
        person,
        plannedMinutes: random.int(4, 40) * 60,
        plannedFixedCents: 0,
        updatedBy,
        updatedAtMs,
      });
  }
  return lines;
}
