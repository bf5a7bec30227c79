// The demo collective's claims, so that a newcomer sees them at once: in the closed period a few
// approved ones of each kind (priced into its frozen run, receipts in the receipts ZIP); in the
// open period every state a referent and a treasurer meet — approved, submitted with its receipt
// waiting in "À valider", a draft, a fixed fee committed before the work. Receipts are small real
// files (receipts.ts). Written straight to the tables inside the seed's transaction, before the
// close, with the history each state implies (docs/claims.md).
import 'server-only';
import { createHash } from 'node:crypto';
import type { Tx } from '@/lib/db';
import { receiptPdf, receiptPng } from './receipts';

type Kind = 'EXPENSE' | 'MILEAGE' | 'FIXED_FEE' | 'IN_KIND';
type Status = 'COMMITTED' | 'DRAFT' | 'SUBMITTED' | 'APPROVED';

type DemoClaim = {
  period: 'closed' | 'open';
  person: string;
  chantier: number;
  /** Days after the period's first day (open period: before today). */
  day: number;
  kind: Kind;
  amountCents?: number;
  distanceKm?: number;
  status: Status;
  description: string;
  receipt?: { fileName: string } & ({ png: [number, number, number] } | { pdf: string[] });
};

const CLAIMS: DemoClaim[] = [
  // Closed period: approved, priced into its run.
  {
    period: 'closed',
    person: 'alice',
    chantier: 0,
    day: 12,
    kind: 'EXPENSE',
    amountCents: 2_340,
    status: 'APPROVED',
    description: 'Billets de train Lille – Roubaix pour l’atelier',
    receipt: { fileName: 'billet-train.png', png: [214, 196, 150] },
  },
  {
    period: 'closed',
    person: 'bruno',
    chantier: 1,
    day: 30,
    kind: 'EXPENSE',
    amountCents: 8_400,
    status: 'APPROVED',
    description: 'Impression des affiches du forum',
    receipt: {
      fileName: 'facture-imprimerie.pdf',
      pdf: ['Facture n° 2026-117', 'Imprimerie du Nord, Lille', '200 affiches A3', 'Total TTC : 84,00 €'],
    },
  },
  {
    period: 'closed',
    person: 'chloe',
    chantier: 0,
    day: 45,
    kind: 'MILEAGE',
    distanceKm: 64,
    status: 'APPROVED',
    description: 'Lille → Arras et retour, rencontre des tiers-lieux',
  },
  {
    period: 'closed',
    person: 'djamel',
    chantier: 2,
    day: 60,
    kind: 'FIXED_FEE',
    amountCents: 45_000,
    status: 'APPROVED',
    description: 'Atelier de réparation de vélos au forfait (devis accepté)',
  },
  {
    period: 'closed',
    person: 'elise',
    chantier: 1,
    day: 75,
    kind: 'IN_KIND',
    amountCents: 30_000,
    status: 'APPROVED',
    description: 'Salle prêtée pour trois soirées',
  },
  // Open period: every state.
  {
    period: 'open',
    person: 'alice',
    chantier: 0,
    day: 3,
    kind: 'EXPENSE',
    amountCents: 1_890,
    status: 'APPROVED',
    description: 'Café et gâteaux pour la réunion d’équipe',
    receipt: { fileName: 'ticket-boulangerie.png', png: [236, 226, 200] },
  },
  {
    period: 'open',
    person: 'fatou',
    chantier: 1,
    day: 6,
    kind: 'EXPENSE',
    amountCents: 3_260,
    status: 'SUBMITTED',
    description: 'Fournitures pour l’atelier couture',
    receipt: {
      fileName: 'facture-mercerie.pdf',
      pdf: ['Facture n° 5531', 'Mercerie Wazemmes', 'Fils, aiguilles, tissus', 'Total TTC : 32,60 €'],
    },
  },
  {
    period: 'open',
    person: 'bruno',
    chantier: 2,
    day: 8,
    kind: 'MILEAGE',
    distanceKm: 38,
    status: 'APPROVED',
    description: 'Roubaix → Villeneuve-d’Ascq et retour, livraison de matériel',
  },
  {
    period: 'open',
    person: 'chloe',
    chantier: 0,
    day: 10,
    kind: 'MILEAGE',
    distanceKm: 22,
    status: 'SUBMITTED',
    description: 'Lille → Tourcoing et retour, permanence',
  },
  {
    period: 'open',
    person: 'alice',
    chantier: 1,
    day: 14,
    kind: 'FIXED_FEE',
    amountCents: 60_000,
    status: 'COMMITTED',
    description: 'Animation du forum au forfait (devis du mois)',
  },
  {
    period: 'open',
    person: 'djamel',
    chantier: 2,
    day: 5,
    kind: 'FIXED_FEE',
    amountCents: 25_000,
    status: 'APPROVED',
    description: 'Conception du plan de la ressourcerie au forfait',
  },
  {
    period: 'open',
    person: 'elise',
    chantier: 0,
    day: 9,
    kind: 'IN_KIND',
    amountCents: 12_000,
    status: 'APPROVED',
    description: 'Prêt d’un vidéoprojecteur pour six semaines',
  },
  {
    period: 'open',
    person: 'djamel',
    chantier: 1,
    day: 11,
    kind: 'EXPENSE',
    amountCents: 1_150,
    status: 'DRAFT',
    description: 'Timbres pour les invitations',
    receipt: { fileName: 'recu-poste.png', png: [250, 220, 80] },
  },
];

/** The mileage rate of the demo's periods, in cents per km (a round figure near the tax scale). */
export const DEMO_MILEAGE_RATE_CENTS = 50;

export async function seedDemoClaims(
  tx: Tx,
  context: {
    periods: { closed: { id: string; start: Date }; open: { id: string; start: Date; lastDay: Date } };
    people: Map<string, string>;
    chantierIds: string[];
    referentOfChantier: string[];
    admin: string;
    day: (date: Date) => Date;
  },
): Promise<number> {
  let count = 0;
  for (const claim of CLAIMS) {
    const period = context.periods[claim.period];
    const personId = context.people.get(claim.person)!;
    const referent = context.referentOfChantier[claim.chantier];
    const reviewer = referent === personId ? context.admin : referent;
    const last = claim.period === 'open' ? context.periods.open.lastDay : null;
    let date = new Date(period.start.getTime() + claim.day * 86_400_000);
    if (last && date > last) date = last;
    const committedBy = claim.status === 'COMMITTED' ? reviewer : personId;
    const created = await tx.claim.create({
      data: {
        personId,
        chantierId: context.chantierIds[claim.chantier],
        periodId: period.id,
        kind: claim.kind,
        date: context.day(date),
        description: claim.description,
        amountCents: claim.kind === 'MILEAGE' ? claim.distanceKm! * DEMO_MILEAGE_RATE_CENTS : claim.amountCents!,
        distanceKm: claim.kind === 'MILEAGE' ? claim.distanceKm! : null,
        status: claim.status,
        createdById: committedBy,
        submittedAt: claim.status === 'SUBMITTED' || claim.status === 'APPROVED' ? new Date() : null,
        reviewedById: claim.status === 'APPROVED' ? reviewer : null,
        reviewedAt: claim.status === 'APPROVED' ? new Date() : null,
      },
      select: { id: true },
    });
    const first = claim.status === 'COMMITTED' ? 'COMMITTED' : 'DRAFT';
    const events: { actorId: string; kind: 'CREATED' | 'TRANSITION'; fromStatus?: Status; toStatus: Status }[] = [
      { actorId: committedBy, kind: 'CREATED', toStatus: first },
    ];
    if (claim.status === 'SUBMITTED' || claim.status === 'APPROVED')
      events.push({ actorId: personId, kind: 'TRANSITION', fromStatus: 'DRAFT', toStatus: 'SUBMITTED' });
    if (claim.status === 'APPROVED')
      events.push({ actorId: reviewer, kind: 'TRANSITION', fromStatus: 'SUBMITTED', toStatus: 'APPROVED' });
    await tx.claimEvent.createMany({ data: events.map((event) => ({ claimId: created.id, ...event })) });
    if (claim.receipt) {
      const bytes = 'png' in claim.receipt ? receiptPng(claim.receipt.png) : await receiptPdf(claim.receipt.pdf);
      const attachment = await tx.attachment.create({
        data: {
          claimId: created.id,
          fileName: claim.receipt.fileName,
          contentType: 'png' in claim.receipt ? 'image/png' : 'application/pdf',
          sizeBytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          uploadedById: personId,
        },
        select: { id: true },
      });
      await tx.attachmentContent.create({ data: { attachmentId: attachment.id, data: new Uint8Array(bytes) } });
    }
    count++;
  }
  return count;
}
