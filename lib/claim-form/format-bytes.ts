// A file's size as people read it: "230 ko", "2,4 Mo" (French units; the UI is French first).
export function formatBytes(bytes: number, locale: 'fr' | 'en' = 'fr'): string {
  const units = locale === 'fr' ? ['o', 'ko', 'Mo'] : ['B', 'kB', 'MB'];
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  if (bytes < 1024) return `${bytes} ${units[0]}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ${units[1]}`;
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} ${units[2]}`;
}
