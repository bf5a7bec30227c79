// The generated collective, before any contribution: places, chantiers, people (an admin, two
// treasurers, two referents per chantier, and contributors of very unequal activity, some joining
// late, a few gone), and how each person is paid. Pure and seeded.
import { createRandom, cuidLike, deriveSeed, weightedPicker, type Random } from './prng';
import { CHANTIERS, FIRST_NAMES, LAST_NAMES, ORGANISATIONS, PLACES, asciiSlug } from './vocabulary';
import type { ScaleConfig } from './plan';

export type Role = 'ADMIN' | 'TREASURER' | 'REFERENT' | 'CONTRIBUTOR';

export type BenchPerson = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  createdAtMs: number;
  /** Indexes of the chantiers this person is referent of. */
  referentOf: number[];
  /** Relative activity: how many contributions this person declares, compared to others. */
  weight: number;
  /** Indexes of the chantiers this person works in, and how often (same length). */
  chantiers: number[];
  chantierWeights: number[];
  homePlace: number;
  /** First and last period index (inclusive) this person declares in. */
  firstPeriod: number;
  lastPeriod: number;
  profile: {
    payeeType: 'SELF' | 'ORGANISATION';
    organisationName: string | null;
    legalName: string;
    iban: string | null;
  } | null;
};

export type BenchCollective = {
  places: { id: string; code: string; name: string }[];
  chantiers: { id: string; code: string; name: string; position: number }[];
  people: BenchPerson[];
  /** Person indexes of each chantier's referents. */
  referentsByChantier: number[][];
  adminIndex: number;
  treasurerIndexes: number[];
  /** When the collective was set up (setupMsFor). */
  setupMs: number;
};

/**
 * When the collective was set up: a month before its first period (the periods end with November
 * 2026): 1 November 2024 for 24 periods, 1 November 2023 for 36.
 */
export function setupMsFor(periods: number): number {
  return Date.UTC(2026, 10 - periods, 1, 9, 0, 0);
}

/** A valid French IBAN (RIB key and ISO 7064 check digits computed), from random digits. */
export function frenchIban(random: Random): string {
  const digits = (count: number) => Array.from({ length: count }, () => random.int(0, 9)).join('');
  const bank = digits(5);
  const branch = digits(5);
  const account = digits(11);
  const ribKey = 97 - Number((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n);
  const bban = `${bank}${branch}${account}${String(ribKey).padStart(2, '0')}`;
  // FR = 15 27; check digits = 98 − (bban + "FR00" as digits) mod 97.
  const check = 98 - Number(BigInt(`${bban}152700`) % 97n);
  return `FR${String(check).padStart(2, '0')}${bban}`;
}

function chantierSet(random: Random, count: number, popularity: (random: Random) => number, first?: number): number[] {
  const chosen = first === undefined ? [] : [first];
  while (chosen.length < count) {
    const candidate = popularity(random);
    if (!chosen.includes(candidate)) chosen.push(candidate);
  }
  return chosen;
}

export function generateCollective(
  scale: Pick<ScaleConfig, 'people' | 'chantiers' | 'places' | 'periods'>,
  seed: number,
): BenchCollective {
  const random = createRandom(deriveSeed(seed, 'collective'));
  let counter = 0;
  const id = (timeMs: number) => cuidLike(random, timeMs, counter++);
  const setupMs = setupMsFor(scale.periods);

  const places = PLACES.slice(0, scale.places).map((place) => ({ id: id(setupMs), ...place }));
  const chantiers = Array.from({ length: scale.chantiers }, (_, index) => ({
    id: id(setupMs + index),
    code: `C${index + 1}`,
    name:
      CHANTIERS[index % CHANTIERS.length] +
      (index >= CHANTIERS.length ? ` ${Math.floor(index / CHANTIERS.length) + 1}` : ''),
    position: index,
  }));
  // Some chantiers draw much more work than others.
  const chantierPopularity = weightedPicker(chantiers.map((_, index) => 1 / (1 + 0.25 * index)));
  const placePopularity = weightedPicker(places.map((_, index) => 1 / (1 + 0.4 * index)));

  const referentCount = Math.min(scale.people - 3, 2 * scale.chantiers);
  const referentsByChantier: number[][] = chantiers.map(() => []);
  const people: BenchPerson[] = [];
  const usedEmails = new Set<string>();
  for (let index = 0; index < scale.people; index++) {
    const first = FIRST_NAMES[(index * 7 + random.int(0, FIRST_NAMES.length - 1)) % FIRST_NAMES.length];
    const last = LAST_NAMES[random.int(0, LAST_NAMES.length - 1)];
    const name = `${first} ${last}`;
    let email = `${asciiSlug(first)}.${asciiSlug(last)}@bench.butin.test`;
    if (usedEmails.has(email)) email = `${asciiSlug(first)}.${asciiSlug(last)}.${index}@bench.butin.test`;
    usedEmails.add(email);

    const isAdmin = index === 0;
    const isTreasurer = index === 1 || index === 2;
    const referentOf = index >= 3 && index < 3 + referentCount ? [(index - 3) % scale.chantiers] : [];
    referentOf.forEach((chantier) => referentsByChantier[chantier].push(index));
    const roles: Role[] = [
      ...(isAdmin ? ['ADMIN' as const] : []),
      ...(isTreasurer ? ['TREASURER' as const] : []),
      ...(referentOf.length ? ['REFERENT' as const] : []),
      'CONTRIBUTOR',
    ];
    const staff = isAdmin || isTreasurer || referentOf.length > 0;

    // A log-normal activity: most people declare a little, a few declare a lot.
    const weight = Math.exp(0.9 * random.normal()) * (isAdmin || isTreasurer ? 0.3 : 1);
    const setSize = [1, 1, 2, 2, 2, 3, 3, 4][random.int(0, 7)];
    const chosen = chantierSet(random, Math.min(setSize, scale.chantiers), chantierPopularity, referentOf[0]);
    const chantierWeights = chosen.map((_, rank) => (rank === 0 ? 3 : 1));
    const joinsLate = !staff && random.chance(0.25);
    const firstPeriod = joinsLate ? random.int(1, scale.periods - 4) : 0;
    const leaves = !staff && random.chance(0.03);
    const lastPeriod = leaves ? random.int(firstPeriod, scale.periods - 2) : scale.periods - 1;
    const createdAtMs = setupMs + firstPeriod * 30 * 86_400_000 + random.int(0, 20) * 86_400_000;

    const profileDraw = random.next();
    const profile: BenchPerson['profile'] =
      profileDraw < 0.08
        ? null
        : profileDraw < 0.18
          ? {
              payeeType: 'ORGANISATION',
              organisationName: random.pick(ORGANISATIONS),
              legalName: name,
              iban: frenchIban(random),
            }
          : {
              payeeType: 'SELF',
              organisationName: null,
              legalName: name,
              iban: random.chance(0.95) ? frenchIban(random) : null,
            };

    people.push({
      id: id(createdAtMs),
      email,
      name,
      roles,
      active: !leaves,
      createdAtMs,
      referentOf,
      weight,
      chantiers: chosen,
      chantierWeights,
      homePlace: placePopularity(random),
      firstPeriod,
      lastPeriod,
      profile,
    });
  }
  return { places, chantiers, people, referentsByChantier, adminIndex: 0, treasurerIndexes: [1, 2], setupMs: setupMs };
}
