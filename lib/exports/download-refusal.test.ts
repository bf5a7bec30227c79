import { describe, expect, it } from 'vitest';
import { downloadRefusal, filenameFrom, type RefusalMessages } from './download-refusal';

const messages: RefusalMessages = {
  debtorMissing: 'missing',
  debtorInvalid: 'invalid',
  settingsHref: '/admin/settings#bank-account',
  settingsLink: 'settings',
  nothingToTransfer: 'nothing',
  paymentsHref: '/periods/p1/payments',
  paymentsLink: 'payments',
  periodOpen: 'open',
  notFound: 'not found',
  forbidden: 'forbidden',
  failed: 'failed',
};
const apiError = (code: string, reason?: string) => ({
  error: { code, message: 'English text', ...(reason ? { details: { reason } } : {}) },
});

describe('downloadRefusal', () => {
  it.each([
    [409, apiError('CONFLICT', 'DEBTOR_MISSING'), 'missing', '/admin/settings#bank-account'],
    [409, apiError('CONFLICT', 'DEBTOR_INVALID'), 'invalid', '/admin/settings#bank-account'],
    [409, apiError('CONFLICT', 'NOTHING_TO_TRANSFER'), 'nothing', '/periods/p1/payments'],
    [409, apiError('CONFLICT', 'PERIOD_OPEN'), 'open', undefined],
    [404, apiError('NOT_FOUND'), 'not found', undefined],
    [403, apiError('FORBIDDEN'), 'forbidden', undefined],
    [401, null, 'forbidden', undefined],
    [500, apiError('INTERNAL'), 'failed', undefined],
    [502, '<html>bad gateway</html>', 'failed', undefined],
    [0, null, 'failed', undefined],
    [409, { error: { code: 'CONFLICT', details: { reason: 42 } } }, 'failed', undefined],
  ])('status %i with %j says %s', (status, body, text, fixHref) => {
    const refusal = downloadRefusal({ status, body, messages });
    expect(refusal.text).toBe(text);
    expect(refusal.fix?.href).toBe(fixHref);
  });
});

describe('filenameFrom', () => {
  it.each([
    ['attachment; filename="sepa-2026.xml"', 'sepa-2026.xml'],
    ['attachment; filename=report.csv', 'report.csv'],
    [`attachment; filename="a.pdf"; filename*=UTF-8''r%C3%A9tributions.pdf`, 'rétributions.pdf'],
    ['inline', undefined],
    [null, undefined],
  ])('%s gives %s', (header, name) => {
    expect(filenameFrom(header)).toBe(name);
  });
});
