// The words of the export files (column headers, sheet names, rate sources), in the caller's
// language; the phrases live in messages/{fr,en}/exports.json under "exports.files".
import frMessages from '@/messages/fr/exports.json';
import enMessages from '@/messages/en/exports.json';
import { asLocale } from '@/lib/i18n/locales';

export type ExportLocale = 'fr' | 'en';

export type FileLabels = (typeof frMessages)['exports']['files'];

const LABELS: Record<ExportLocale, FileLabels> = { fr: frMessages.exports.files, en: enMessages.exports.files };

export function asExportLocale(locale: string | null | undefined): ExportLocale {
  return asLocale(locale);
}

export function fileLabels(locale: ExportLocale): FileLabels {
  return LABELS[locale];
}
