import { describe, expect, it } from 'vitest';
import frImport from '@/messages/fr/import.json';
import enImport from '@/messages/en/import.json';
import { messagesFor } from '@/lib/i18n/locale';
import { COLUMNS } from './fields';
import { describeReason, describeRefused } from './describe';
import { REASON_CODES } from './reasons';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

describe('import messages', () => {
  it('French and English have the same keys', () => {
    expect(keys(enImport).sort()).toEqual(keys(frImport).sort());
  });

  it('say every reason and document every column, in both languages', () => {
    for (const messages of [frImport, enImport]) {
      expect(Object.keys(messages.import.reason).sort()).toEqual([...REASON_CODES].sort());
      expect(Object.keys(messages.import.columns).sort()).toEqual([...COLUMNS].sort());
    }
  });

  it('are the namespace the app reads', () => {
    expect(messagesFor('fr').import).toEqual(frImport.import);
    expect(messagesFor('en').import).toEqual(enImport.import);
  });
});

describe('describeReason', () => {
  it.each([
    [{ code: 'UNKNOWN_PERSON', params: { email: 'x@y.test' } }, 'fr', 'Personne inconnue : x@y.test.'],
    [
      { code: 'NO_PERIOD', params: { date: '2026-05-04' } },
      'fr',
      'Aucune période de financement ne couvre le 04/05/2026.',
    ],
    [{ code: 'PERIOD_CLOSED', params: { period: '2024' } }, 'en', 'The period "2024" is closed.'],
    [
      { code: 'DURATION_INVALID', params: { value: 'abc' } },
      'fr',
      'Durée « abc » non comprise : écrivez par exemple 1h30, 45min, 1:30 ou 1,5.',
    ],
  ] as const)('%j in %s', (reason, locale, expected) => {
    expect(describeReason(reason, locale)).toBe(expected);
  });

  it('keeps ISO dates for the API', () => {
    expect(describeReason({ code: 'NO_PERIOD', params: { date: '2026-05-04' } }, 'en', { isoDates: true })).toBe(
      'No funding period covers 2026-05-04.',
    );
  });

  it('puts each message beside its code', () => {
    expect(describeRefused([{ line: 3, reasons: [{ code: 'EMAIL_MISSING' }] }], 'en')).toEqual([
      { line: 3, reasons: [{ code: 'EMAIL_MISSING', message: 'Missing email.' }] },
    ]);
  });
});
