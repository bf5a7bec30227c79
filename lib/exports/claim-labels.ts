// The export files' words for the claim parts of a payout (hours paid, expenses and mileage, fixed
// fees, in-kind value), in the caller's language (the CSV's long headers, a PDF's short ones); they live in messages/{fr,en}/claimsPay.json.
import frMessages from '@/messages/fr/claimsPay.json';
import enMessages from '@/messages/en/claimsPay.json';
import type { ExportLocale } from './labels';

export type ClaimColumnLabels = (typeof frMessages)['claimsPay']['files']['columns'];
export type ClaimPdfColumnLabels = (typeof frMessages)['claimsPay']['files']['pdfColumns'];

const LABELS: Record<ExportLocale, ClaimColumnLabels> = {
  fr: frMessages.claimsPay.files.columns,
  en: enMessages.claimsPay.files.columns,
};

export function claimColumnLabels(locale: ExportLocale): ClaimColumnLabels {
  return LABELS[locale];
}

/** The claim columns' short headers, for the narrow columns of a PDF table. */
export function claimPdfColumnLabels(locale: ExportLocale): ClaimPdfColumnLabels {
  return (locale === 'en' ? enMessages : frMessages).claimsPay.files.pdfColumns;
}
