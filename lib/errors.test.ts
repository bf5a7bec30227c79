import { describe, expect, it } from 'vitest';
import { AppError, ERROR_STATUS } from './errors';
import { translatorFor, translateKey } from '@/lib/i18n/translator';

describe('AppError', () => {
  it.each<[string, AppError, { message: string; messageKey: string }]>([
    [
      'an English message: the key is errors.<code>',
      new AppError('NOT_FOUND', 'Person not found'),
      { message: 'Person not found', messageKey: 'errors.NOT_FOUND' },
    ],
    [
      'an English message with its own key',
      new AppError('CONFLICT', 'The last admin stays', { messageKey: 'errors.LAST_ADMIN' }),
      { message: 'The last admin stays', messageKey: 'errors.LAST_ADMIN' },
    ],
    [
      'a key in place of the message: the message is its English text',
      new AppError('CONFLICT', 'errors.LAST_ADMIN'),
      { message: translatorFor('en')('errors.LAST_ADMIN'), messageKey: 'errors.LAST_ADMIN' },
    ],
  ])('%s', (_label, error, expected) => {
    expect({ message: error.message, messageKey: error.messageKey }).toEqual(expected);
    expect(error.message).not.toMatch(/^errors\./);
  });

  it('fills the values into the English message and keeps them for the translation', () => {
    const error = new AppError('PERIOD_CLOSED', 'errors.PERIOD_CLOSED_CLOSED', { values: { period: 'Printemps' } });
    expect(error.message).toContain('Printemps');
    expect(translateKey('fr', error.messageKey, error.values)).toContain('Printemps');
    expect(translateKey('fr', error.messageKey, error.values)).not.toBe(error.message);
  });

  it('leaves an English sentence that ends with a full stop alone', () => {
    const error = new AppError('VALIDATION', 'Unknown chantier in referentOf.');
    expect(error.message).toBe('Unknown chantier in referentOf.');
  });

  it('maps every code to a 4xx or 5xx status', () => {
    for (const code of Object.keys(ERROR_STATUS) as (keyof typeof ERROR_STATUS)[])
      expect(new AppError(code, 'x').status).toBeGreaterThanOrEqual(400);
  });
});
