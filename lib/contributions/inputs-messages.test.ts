// What a refused contribution form says under each field: each message names what is expected,
// and an empty duration is reported on the first submit even when other fields are empty too.
import { describe, expect, test } from 'vitest';
import { ZContributionCreate, ZContributionUpdate } from '@/lib/contributions/inputs';
import { translateKey } from '@/lib/i18n/translator';

function fieldMessages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const fields: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) fields[issue.path.join('.')] ??= issue.message;
  return fields;
}

describe('contribution form messages', () => {
  test.each([
    ['create', ZContributionCreate, {}],
    ['update', ZContributionUpdate, { version: '1' }],
  ])('an empty %s form gets an error under each required field, duration included', (_name, schema, extra) => {
    const fields = fieldMessages(
      schema.safeParse({ date: '2026-01-01', chantierId: '', duration: '', description: '', ...extra }),
    );
    expect(fields).toEqual({
      chantierId: 'validation.chooseChantier',
      duration: 'errors.duration.EMPTY',
      description: 'validation.describeWork',
    });
  });

  test('a duration not understood keeps its own message, not "empty"', () => {
    const fields = fieldMessages(
      ZContributionCreate.safeParse({ date: '2026-01-01', chantierId: '', duration: 'abc', description: 'x' }),
    );
    expect(fields.duration).toBe('errors.duration.INVALID');
  });

  test('a description over 2 000 characters is refused, not cut', () => {
    const base = { date: '2026-01-01', chantierId: 'c1', duration: '1h' };
    expect(ZContributionCreate.safeParse({ ...base, description: 'a'.repeat(2000) }).success).toBe(true);
    expect(fieldMessages(ZContributionCreate.safeParse({ ...base, description: 'a'.repeat(2001) }))).toEqual({
      description: 'validation.descriptionTooLong',
    });
  });

  test.each([
    'validation.chooseChantier',
    'validation.describeWork',
    'validation.descriptionTooLong',
    'validation.date',
  ] as const)('%s says what is expected, in French and English', (key) => {
    for (const locale of ['fr', 'en'] as const) {
      const text = translateKey(locale, key);
      expect(text).not.toBe(key);
      expect(text).not.toMatch(/^(Valeur invalide|Date invalide|Invalid value|Invalid date)\.?$/);
    }
  });
});
