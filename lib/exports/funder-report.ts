// The funder report as figures: hours and money per chantier, per place, and per chantier and
// place; volunteer hours and their value; envelopes against what was paid. Pure.
//
// How the money is derived, exactly and in integer cents:
// - per chantier, every figure is the plain sum of its payout lines (so it equals
//   GET /periods/{id}/payouts), and the envelope and demand come from the run's chantier summary;
// - per place, the pricing rules pay a line (one person in one chantier) as a whole — which of its
//   minutes were capped or left unfunded is not a property of places — so each line's amount and
//   unpaid value are shared among its places in proportion to its approved (non-volunteer)
//   minutes there, and its volunteer value in proportion to its volunteer minutes there, by the
//   largest-remainder method (apportion). A line's places therefore add up to the line, a
//   chantier's places to the chantier, and all places to the total, to the cent.
// Minutes are never apportioned: they are counted from the contributions themselves.
// - claims (step 0) carry their own place: a line's expenses, fixed fees and in-kind value go to
//   the places of its claims, whole; only what its hours are paid is apportioned over minutes.
import type { ClaimAmounts, PayoutLine } from '@/lib/pricing';
import { apportion, type Weight } from './apportion';
import { byName, byString } from '@/lib/format/compare';

export type FunderLine = Pick<
  PayoutLine,
  | 'personId'
  | 'chantierId'
  | 'approvedMinutes'
  | 'volunteerMinutes'
  | 'amountCents'
  | 'unpaidValueCents'
  | 'volunteerValueCents'
> &
  Partial<ClaimAmounts>;

/** The approved claims of one person in one chantier at one place (null: no place), summed. */
export type PlaceClaims = {
  personId: string;
  chantierId: string;
  placeId: string | null;
  expensesCents: number;
  fixedFeesCents: number;
  inKindValueCents: number;
};

/** Approved minutes of one person in one chantier at one place (null: no place), volunteer or not. */
export type PlaceMinutes = {
  personId: string;
  chantierId: string;
  placeId: string | null;
  volunteer: boolean;
  minutes: number;
};

export type ChantierEnvelope = { chantierId: string; envelopeCents: number | null; demandCents: number };

export type Figures = {
  approvedMinutes: number;
  volunteerMinutes: number;
  amountCents: number;
  unpaidValueCents: number;
  volunteerValueCents: number;
  /** Expenses and mileage (paid, inside amountCents). */
  expensesCents: number;
  /** Fixed fees (paid, inside amountCents). */
  fixedFeesCents: number;
  /** In-kind gifts, valued, never paid. */
  inKindValueCents: number;
};

export type FunderReportInput = {
  lines: readonly FunderLine[];
  placeMinutes: readonly PlaceMinutes[];
  /** The approved claims by place; none when the lines carry no claim part. */
  placeClaims?: readonly PlaceClaims[];
  /** Every chantier with a line or an envelope (the run's chantier summary). */
  envelopes: readonly ChantierEnvelope[];
  chantiers: ReadonlyMap<string, { code: string | null; name: string }>;
  places: ReadonlyMap<string, string>;
};

export type FunderChantierRow = {
  chantierId: string;
  code: string;
  name: string;
  envelopeCents: number | null;
  demandCents: number;
  figures: Figures;
};
export type FunderPlaceRow = { placeId: string | null; name: string | null; figures: Figures };
export type FunderCellRow = FunderPlaceRow & { chantierId: string; code: string; chantierName: string };

export type FunderReport = {
  chantiers: FunderChantierRow[];
  places: FunderPlaceRow[];
  cells: FunderCellRow[];
  /** envelopeCents is null when a chantier of the report has no envelope (unlimited). */
  totals: Figures & { envelopeCents: number | null; demandCents: number };
};

export const zeroFigures = (): Figures => ({
  approvedMinutes: 0,
  volunteerMinutes: 0,
  amountCents: 0,
  unpaidValueCents: 0,
  volunteerValueCents: 0,
  expensesCents: 0,
  fixedFeesCents: 0,
  inKindValueCents: 0,
});

function addInto(target: Figures, figures: Figures): void {
  target.expensesCents += figures.expensesCents;
  target.fixedFeesCents += figures.fixedFeesCents;
  target.inKindValueCents += figures.inKindValueCents;
  target.approvedMinutes += figures.approvedMinutes;
  target.volunteerMinutes += figures.volunteerMinutes;
  target.amountCents += figures.amountCents;
  target.unpaidValueCents += figures.unpaidValueCents;
  target.volunteerValueCents += figures.volunteerValueCents;
}

// The key of "no place" in maps: place ids are never empty.
const NO_PLACE = '';
const lineKey = (personId: string, chantierId: string) => `${personId}\u0000${chantierId}`;

/** The figures of each place of one line, apportioned as the module's first lines say. */
function lineByPlace(
  line: FunderLine,
  minutes: readonly PlaceMinutes[],
  claims: readonly PlaceClaims[],
): Map<string, Figures> {
  const paid = new Map<string, number>();
  const volunteer = new Map<string, number>();
  for (const entry of minutes) {
    const into = entry.volunteer ? volunteer : paid;
    const key = entry.placeId ?? NO_PLACE;
    into.set(key, (into.get(key) ?? 0) + entry.minutes);
  }
  const sum = (map: Map<string, number>) => [...map.values()].reduce((total, value) => total + value, 0);
  if (sum(paid) !== line.approvedMinutes || sum(volunteer) !== line.volunteerMinutes) {
    // The lines and the contributions come from the same run input; a mismatch is a bug.
    throw new Error(
      `Funder report: the contributions of ${line.personId} in ${line.chantierId} do not add up to their payout line`,
    );
  }
  const weights = (map: Map<string, number>): Weight[] => [...map].map(([key, weight]) => ({ key, weight }));
  const expensesCents = line.expensesCents ?? 0;
  const fixedFeesCents = line.fixedFeesCents ?? 0;
  const claimed = { expensesCents: 0, fixedFeesCents: 0, inKindValueCents: 0 };
  for (const claim of claims) {
    claimed.expensesCents += claim.expensesCents;
    claimed.fixedFeesCents += claim.fixedFeesCents;
    claimed.inKindValueCents += claim.inKindValueCents;
  }
  if (
    claimed.expensesCents !== expensesCents ||
    claimed.fixedFeesCents !== fixedFeesCents ||
    claimed.inKindValueCents !== (line.inKindValueCents ?? 0)
  ) {
    throw new Error(
      `Funder report: the claims of ${line.personId} in ${line.chantierId} do not add up to their payout line`,
    );
  }
  // What the hours are paid: the amount without the claims paid in full.
  const amounts = apportion(line.amountCents - expensesCents - fixedFeesCents, weights(paid));
  const unpaid = apportion(line.unpaidValueCents, weights(paid));
  const volunteerValues = apportion(line.volunteerValueCents, weights(volunteer));
  const byPlace = new Map<string, Figures>();
  for (const key of new Set([...paid.keys(), ...volunteer.keys()])) {
    byPlace.set(key, {
      ...zeroFigures(),
      approvedMinutes: paid.get(key) ?? 0,
      volunteerMinutes: volunteer.get(key) ?? 0,
      amountCents: amounts.get(key) ?? 0,
      unpaidValueCents: unpaid.get(key) ?? 0,
      volunteerValueCents: volunteerValues.get(key) ?? 0,
    });
  }
  for (const claim of claims) {
    const key = claim.placeId ?? NO_PLACE;
    addInto(byPlace.get(key) ?? byPlace.set(key, zeroFigures()).get(key)!, {
      ...zeroFigures(),
      amountCents: claim.expensesCents + claim.fixedFeesCents,
      expensesCents: claim.expensesCents,
      fixedFeesCents: claim.fixedFeesCents,
      inKindValueCents: claim.inKindValueCents,
    });
  }
  return byPlace;
}

function groupByLine<Entry extends { personId: string; chantierId: string }>(entries: readonly Entry[]) {
  const byLine = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = lineKey(entry.personId, entry.chantierId);
    const list = byLine.get(key);
    if (list) list.push(entry);
    else byLine.set(key, [entry]);
  }
  return byLine;
}

export function buildFunderReport(input: FunderReportInput): FunderReport {
  const minutesByLine = groupByLine(input.placeMinutes);
  const claimsByLine = groupByLine(input.placeClaims ?? []);
  const chantierOf = (chantierId: string) => {
    const chantier = input.chantiers.get(chantierId);
    return { code: chantier?.code ?? '', name: chantier?.name ?? chantierId };
  };
  const placeName = (key: string) => (key === NO_PLACE ? null : (input.places.get(key) ?? key));

  const byChantier = new Map<string, Figures>();
  const byCell = new Map<string, Map<string, Figures>>();
  const totals = zeroFigures();
  for (const line of input.lines) {
    const key = lineKey(line.personId, line.chantierId);
    const places = lineByPlace(line, minutesByLine.get(key) ?? [], claimsByLine.get(key) ?? []);
    minutesByLine.delete(key);
    claimsByLine.delete(key);
    const lineFigures = {
      approvedMinutes: line.approvedMinutes,
      volunteerMinutes: line.volunteerMinutes,
      amountCents: line.amountCents,
      unpaidValueCents: line.unpaidValueCents,
      volunteerValueCents: line.volunteerValueCents,
      expensesCents: line.expensesCents ?? 0,
      fixedFeesCents: line.fixedFeesCents ?? 0,
      inKindValueCents: line.inKindValueCents ?? 0,
    };
    if (!byChantier.has(line.chantierId)) byChantier.set(line.chantierId, zeroFigures());
    addInto(byChantier.get(line.chantierId)!, lineFigures);
    addInto(totals, lineFigures);
    const cells = byCell.get(line.chantierId) ?? new Map<string, Figures>();
    byCell.set(line.chantierId, cells);
    for (const [placeKey, figures] of places) {
      if (!cells.has(placeKey)) cells.set(placeKey, zeroFigures());
      addInto(cells.get(placeKey)!, figures);
    }
  }
  if (minutesByLine.size > 0) throw new Error('Funder report: approved contributions without a payout line');
  if (claimsByLine.size > 0) throw new Error('Funder report: approved claims without a payout line');

  const envelopeOf = new Map(input.envelopes.map((envelope) => [envelope.chantierId, envelope]));
  const chantierIds = new Set([...envelopeOf.keys(), ...byChantier.keys()]);
  const chantiers: FunderChantierRow[] = [...chantierIds].map((chantierId) => ({
    chantierId,
    ...chantierOf(chantierId),
    envelopeCents: envelopeOf.get(chantierId)?.envelopeCents ?? null,
    demandCents: envelopeOf.get(chantierId)?.demandCents ?? 0,
    figures: byChantier.get(chantierId) ?? zeroFigures(),
  }));
  const chantierOrder = (
    a: { code: string; name: string; chantierId: string },
    b: { code: string; name: string; chantierId: string },
  ) => byName(a.code, b.code) || byName(a.name, b.name) || byString(a.chantierId, b.chantierId);
  chantiers.sort(chantierOrder);

  // Named places in alphabetical order, "no place" last.
  const placeOrder = (
    a: { placeId: string | null; name: string | null },
    b: { placeId: string | null; name: string | null },
  ) =>
    a.placeId === null
      ? b.placeId === null
        ? 0
        : 1
      : b.placeId === null
        ? -1
        : byName(a.name ?? '', b.name ?? '') || byString(a.placeId, b.placeId);

  const byPlace = new Map<string, Figures>();
  const cells: FunderCellRow[] = [];
  for (const chantier of chantiers) {
    const chantierCells: FunderCellRow[] = [];
    for (const [placeKey, figures] of byCell.get(chantier.chantierId) ?? []) {
      chantierCells.push({
        chantierId: chantier.chantierId,
        code: chantier.code,
        chantierName: chantier.name,
        placeId: placeKey === NO_PLACE ? null : placeKey,
        name: placeName(placeKey),
        figures,
      });
      if (!byPlace.has(placeKey)) byPlace.set(placeKey, zeroFigures());
      addInto(byPlace.get(placeKey)!, figures);
    }
    cells.push(...chantierCells.sort(placeOrder));
  }
  const places: FunderPlaceRow[] = [...byPlace]
    .map(([placeKey, figures]) => ({
      placeId: placeKey === NO_PLACE ? null : placeKey,
      name: placeName(placeKey),
      figures,
    }))
    .sort(placeOrder);

  return {
    chantiers,
    places,
    cells,
    totals: {
      ...totals,
      envelopeCents: chantiers.some((chantier) => chantier.envelopeCents === null)
        ? null
        : chantiers.reduce((sum, chantier) => sum + (chantier.envelopeCents ?? 0), 0),
      demandCents: chantiers.reduce((sum, chantier) => sum + chantier.demandCents, 0),
    },
  };
}

/** The approved contributions of a pricing input, summed per person, chantier, place and volunteer flag. */
export function aggregatePlaceMinutes(
  contributions: Iterable<{
    personId: string;
    chantierId: string;
    placeId?: string | null;
    volunteer: boolean;
    minutes: number;
  }>,
): PlaceMinutes[] {
  const groups = new Map<string, PlaceMinutes>();
  for (const contribution of contributions) {
    const placeId = contribution.placeId ?? null;
    const key = [
      contribution.personId,
      contribution.chantierId,
      placeId ?? NO_PLACE,
      contribution.volunteer ? '1' : '0',
    ].join('\u0000');
    const group = groups.get(key);
    if (group) group.minutes += contribution.minutes;
    else
      groups.set(key, {
        personId: contribution.personId,
        chantierId: contribution.chantierId,
        placeId,
        volunteer: contribution.volunteer,
        minutes: contribution.minutes,
      });
  }
  return [...groups.values()];
}

/** The approved claims of a pricing input, summed per person, chantier and place by kind. */
export function aggregatePlaceClaims(
  claims: Iterable<{
    personId: string;
    chantierId: string;
    placeId?: string | null;
    kind: string;
    amountCents?: number | null;
    distanceKm?: number | null;
  }>,
  mileageRateCents: number | null,
): PlaceClaims[] {
  const groups = new Map<string, PlaceClaims>();
  for (const claim of claims) {
    const placeId = claim.placeId ?? null;
    const key = [claim.personId, claim.chantierId, placeId ?? NO_PLACE].join('\u0000');
    const group = groups.get(key) ?? {
      personId: claim.personId,
      chantierId: claim.chantierId,
      placeId,
      expensesCents: 0,
      fixedFeesCents: 0,
      inKindValueCents: 0,
    };
    groups.set(key, group);
    if (claim.kind === 'MILEAGE') group.expensesCents += (claim.distanceKm ?? 0) * (mileageRateCents ?? 0);
    else if (claim.kind === 'EXPENSE') group.expensesCents += claim.amountCents ?? 0;
    else if (claim.kind === 'FIXED_FEE') group.fixedFeesCents += claim.amountCents ?? 0;
    else group.inKindValueCents += claim.amountCents ?? 0;
  }
  return [...groups.values()];
}
