// The archive of everything Butin holds about one person (their RGPD right of access), as plain
// functions: the data in, the ZIP's files out — JSON for everything, CSV (as French spreadsheets
// open it) for the lists. Tokens appear by name and prefix only, never their hash.
import { zipSync, strToU8 } from 'fflate';
import { CSV_BOM, CSV_LINE_END, csvLine, safeText, type CsvCell } from '@/lib/exports/csv';

type Json = Record<string, unknown>;

export type PersonalData = {
  exportedAt: string;
  profile: Json & { id: string; name: string; email: string };
  payoutProfile: Json | null;
  contributions: (Json & {
    id: string;
    date: string;
    minutes: number;
    status: string;
    chantier: string;
    place: string | null;
    period: string;
    description: string;
    volunteer: boolean;
    history: Json[];
  })[];
  payouts: (Json & {
    period: string;
    chantier: string;
    runStatus: string;
    approvedMinutes: number;
    volunteerMinutes: number;
    rateCents: number;
    amountCents: number;
  })[];
  payments: (Json & { period: string; amountCents: number; paidOn: string; reference: string; kind: string })[];
  notifications: Json[];
  apiTokens: { name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }[];
  auditEntries: Json[];
};

function csv(header: string[], rows: CsvCell[][]): string {
  return CSV_BOM + [header, ...rows].map((row) => csvLine(row)).join(CSV_LINE_END) + CSV_LINE_END;
}

/** The archive's files, by name: what a person downloads, unzipped. */
export function personalArchiveFiles(data: PersonalData): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'LISEZMOI.txt': [
      `Données de ${data.profile.name} dans Butin, exportées le ${data.exportedAt}.`,
      '',
      'profil.json : votre compte (nom, e-mail, rôles, chantiers dont vous êtes référent·e)',
      'coordonnees-paiement.json : vos coordonnées de paiement (IBAN, adresse…)',
      'contributions.json / .csv : vos contributions, avec leur historique (qui a fait quoi, quand)',
      'retributions.json / .csv : vos lignes de rétribution par période et par chantier',
      'paiements.json / .csv : les virements enregistrés pour vous',
      'notifications.json : les messages que Butin vous a adressés',
      "jetons-api.json : vos jetons d'API (leur nom, jamais le secret)",
      "journal.json : les actions sensibles vous concernant (journal d'audit)",
      '',
    ].join('\n'),
    'profil.json': json(data.profile),
    'coordonnees-paiement.json': json(data.payoutProfile),
    'contributions.json': json(data.contributions),
    'contributions.csv': csv(
      ['id', 'date', 'minutes', 'statut', 'chantier', 'lieu', 'période', 'bénévole', 'description'],
      data.contributions.map((row) => [
        row.id,
        row.date,
        row.minutes,
        row.status,
        safeText(row.chantier),
        safeText(row.place),
        safeText(row.period),
        row.volunteer ? 'oui' : 'non',
        safeText(row.description),
      ]),
    ),
    'retributions.json': json(data.payouts),
    'retributions.csv': csv(
      [
        'période',
        'chantier',
        'calcul',
        'minutes approuvées',
        'minutes bénévoles',
        'taux (centimes/h)',
        'montant (centimes)',
      ],
      data.payouts.map((row) => [
        safeText(row.period),
        safeText(row.chantier),
        row.runStatus,
        row.approvedMinutes,
        row.volunteerMinutes,
        row.rateCents,
        row.amountCents,
      ]),
    ),
    'paiements.json': json(data.payments),
    'paiements.csv': csv(
      ['période', 'date', 'montant (centimes)', 'type', 'référence'],
      data.payments.map((row) => [
        safeText(row.period),
        row.paidOn,
        row.amountCents,
        row.kind,
        safeText(row.reference),
      ]),
    ),
    'notifications.json': json(data.notifications),
    'jetons-api.json': json(data.apiTokens),
    'journal.json': json(data.auditEntries),
  };
}

export function personalArchiveZip(data: PersonalData): Uint8Array {
  const files = personalArchiveFiles(data);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), {
    level: 6,
  });
}
