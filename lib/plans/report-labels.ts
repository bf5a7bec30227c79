// The words of the compte rendu financier's files, French first (the form French funders ask
// for, Cerfa 15059, is in French); English for the collectives that work in it.
import type { ExportLocale } from '@/lib/exports/labels';

const fr = {
  title: 'Compte rendu financier',
  subtitle: 'Tableau de synthèse à joindre au compte rendu financier de l’action (Cerfa n° 15059)',
  filename: 'compte-rendu-financier',
  collective: 'Collectif',
  period: 'Période',
  from: 'Du',
  to: 'Au',
  state: 'État',
  stateFrozen: 'Chiffres définitifs (période clôturée)',
  statePreview: 'Chiffres provisoires (période ouverte)',
  generatedOn: 'Établi le {date}',
  dates: 'du {start} au {end}',
  byChantier: 'Prévu et réalisé par chantier',
  explanations: 'Explication des écarts',
  noExplanation: 'Pas d’explication saisie.',
  total: 'Total',
  nothing: 'Rien de prévu ni de réalisé sur cette période.',
  notes:
    'Réalisé : ce que les rétributions de la période versent au chantier. Écart = réalisé − prévu ; en % du prévu. Contributions volontaires : heures bénévoles valorisées au taux de la période, dons en nature valorisés.',
  columns: {
    chantierCode: 'Code',
    chantier: 'Chantier',
    planned: 'Prévu (€)',
    plannedCents: 'Prévu (centimes)',
    realised: 'Réalisé (€)',
    realisedCents: 'Réalisé (centimes)',
    gap: 'Écart (€)',
    gapCents: 'Écart (centimes)',
    gapPercent: 'Écart (%)',
    volunteerHours: 'Heures bénévoles',
    volunteerMinutes: 'Minutes bénévoles',
    volunteerValue: 'Bénévolat valorisé (€)',
    volunteerValueCents: 'Bénévolat valorisé (centimes)',
    inKind: 'Dons en nature (€)',
    inKindCents: 'Dons en nature (centimes)',
    explanation: 'Explication de l’écart',
  },
};

const en: typeof fr = {
  title: 'Financial report',
  subtitle: 'Summary table to attach to the financial report of the action (Cerfa no. 15059)',
  filename: 'financial-report',
  collective: 'Collective',
  period: 'Period',
  from: 'From',
  to: 'To',
  state: 'State',
  stateFrozen: 'Final figures (period closed)',
  statePreview: 'Provisional figures (period open)',
  generatedOn: 'Issued on {date}',
  dates: 'from {start} to {end}',
  byChantier: 'Planned and realised per chantier',
  explanations: 'Why the figures differ from the plan',
  noExplanation: 'No explanation written.',
  total: 'Total',
  nothing: 'Nothing planned nor realised in this period.',
  notes:
    'Realised: what the period’s payouts pay the chantier. Gap = realised − planned; in % of the plan. Voluntary contributions: volunteer hours valued at the period’s rate, in-kind gifts valued.',
  columns: {
    chantierCode: 'Code',
    chantier: 'Chantier',
    planned: 'Planned (€)',
    plannedCents: 'Planned (cents)',
    realised: 'Realised (€)',
    realisedCents: 'Realised (cents)',
    gap: 'Gap (€)',
    gapCents: 'Gap (cents)',
    gapPercent: 'Gap (%)',
    volunteerHours: 'Volunteer hours',
    volunteerMinutes: 'Volunteer minutes',
    volunteerValue: 'Volunteer value (€)',
    volunteerValueCents: 'Volunteer value (cents)',
    inKind: 'In-kind gifts (€)',
    inKindCents: 'In-kind gifts (cents)',
    explanation: 'Why it differs',
  },
};

export function reportLabels(locale: ExportLocale) {
  return locale === 'en' ? en : fr;
}
