// How the cells of an imported spreadsheet are read: column names in any case and with or
// without accents, dates in ISO or French order, yes/no in French or English. Pure.

import { isCalendarDate } from '@/lib/validation/date';

export const COLUMNS = ['email', 'date', 'duration', 'chantier', 'place', 'description', 'volunteer'] as const;
export type Column = (typeof COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly Column[] = ['email', 'date', 'duration', 'chantier', 'description'];

/** The name each column has in French, the language of the spreadsheets people keep. */
export const COLUMN_LABELS: Record<Column, string> = {
  email: 'email',
  date: 'date',
  duration: 'durée',
  chantier: 'chantier',
  place: 'lieu',
  description: 'description',
  volunteer: 'bénévole',
};

/** Lower case, no accents, words separated by single spaces: "Durée", "DUREE " and "durée" meet. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9@.]+/g, ' ')
    .trim();
}

const HEADER_ALIASES: Record<string, Column> = {
  email: 'email',
  'e mail': 'email',
  mail: 'email',
  courriel: 'email',
  'adresse e mail': 'email',
  'adresse email': 'email',
  date: 'date',
  jour: 'date',
  duration: 'duration',
  duree: 'duration',
  temps: 'duration',
  chantier: 'chantier',
  'chantier code': 'chantier',
  'code chantier': 'chantier',
  'code du chantier': 'chantier',
  workstream: 'chantier',
  place: 'place',
  lieu: 'place',
  'tiers lieu': 'place',
  description: 'description',
  libelle: 'description',
  benevole: 'volunteer',
  benevolat: 'volunteer',
  volunteer: 'volunteer',
};

export function columnFor(header: string): Column | undefined {
  return HEADER_ALIASES[normalizeLabel(header)];
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
// Spreadsheets often write a date cell with its (empty) time of day.
const MIDNIGHT = /[ T]00:00(?::00)?$/;

/** "2026-11-28", "28/11/2026", "28.11.2026" → "2026-11-28"; null when it is not a real day. */
export function parseImportDate(text: string): string | null {
  const value = text.trim().replace(MIDNIGHT, '');
  const iso = ISO_DATE.exec(value);
  const french = iso ? null : FRENCH_DATE.exec(value);
  if (!iso && !french) return null;
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : [french![3], french![2], french![1]];
  const result = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  // The one calendar-date rule (lib/validation): a real day, years 2000 to 2100.
  return isCalendarDate(result) ? result : null;
}

const TRUE_VALUES = new Set(['oui', 'o', 'yes', 'y', '1', 'true', 'vrai', 'x']);
const FALSE_VALUES = new Set(['', 'non', 'n', 'no', '0', 'false', 'faux']);

/** The bénévole cell: true, false, or null when it says neither. An empty cell is "no". */
export function parseVolunteer(text: string): boolean | null {
  const value = text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
  if (TRUE_VALUES.has(value)) return true;
  if (FALSE_VALUES.has(value)) return false;
  return null;
}

/** Spreadsheets write a time cell "1:30:00"; the duration parser reads "1:30". */
export function durationText(text: string): string {
  return text.trim().replace(/^(\d+:\d{2}):00$/, '$1');
}
