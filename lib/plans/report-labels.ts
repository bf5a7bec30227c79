// The words of the compte rendu financier's files, in the caller's language; they live in
// messages/{fr,en}/alerts.json under "alerts.files" (French first: the form French funders ask
// for, Cerfa 15059, is in French). Phrases with values go through the translator.
import frMessages from '@/messages/fr/alerts.json';
import enMessages from '@/messages/en/alerts.json';
import type { ExportLocale } from '@/lib/exports/labels';

type ReportLabels = (typeof frMessages)['alerts']['files'];

const LABELS: Record<ExportLocale, ReportLabels> = { fr: frMessages.alerts.files, en: enMessages.alerts.files };

export function reportLabels(locale: ExportLocale): ReportLabels {
  return LABELS[locale];
}
