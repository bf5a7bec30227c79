// A file's size as people read it: "230 ko", "2,4 Mo" (French units; the UI is French first).
// The number formats are made once (a list formats a size per receipt).
const MEGABYTES = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

export function formatBytes(bytes: number, locale: 'fr' | 'en' = 'fr'): string {
  const units = locale === 'fr' ? ['o', 'ko', 'Mo'] : ['B', 'kB', 'MB'];
  if (bytes < 1024) return `${bytes} ${units[0]}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ${units[1]}`;
  return `${MEGABYTES[locale].format(bytes / (1024 * 1024))} ${units[2]}`;
}
