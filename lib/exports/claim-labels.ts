// The export files' words for the claim parts of a payout (hours paid, expenses and mileage, fixed
// fees, in-kind value), in the caller's language; they live in messages/{fr,en}/claimsPay.json.
import frMessages from '@/messages/fr/claimsPay.json';
import enMessages from '@/messages/en/claimsPay.json';
import type { ExportLocale } from './labels';

export type ClaimColumnLabels = (typeof frMessages)['claimsPay']['files']['columns'];

const LABELS: Record<ExportLocale, ClaimColumnLabels> = {
  fr: frMessages.claimsPay.files.columns,
  en: enMessages.claimsPay.files.columns,
};

export function claimColumnLabels(locale: ExportLocale): ClaimColumnLabels {
  return LABELS[locale];
}
