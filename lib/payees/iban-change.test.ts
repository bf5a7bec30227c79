import { describe, expect, it } from 'vitest';
import { ibanChangeMail } from './iban-change';

const base = {
  name: 'Élise Moreau',
  collective: 'Monscobar',
  timeZone: 'Europe/Paris',
  url: 'https://butin.example/profile/payout',
};
const change = (from: string | null, to: string | null) => ({
  from,
  to,
  changedAt: '2026-03-01T09:30:00.000Z',
  date: '2026-03-01',
  changedById: 'p1',
  changedByName: 'Élise Moreau',
});

describe('ibanChangeMail', () => {
  it('names both masked IBANs, when and by whom, in Paris time, and what to do if it was not them', () => {
    const mail = ibanChangeMail({ ...base, change: change('FR76 •••• •••• 0189', 'DE89 •••• •••• 3000') });
    expect(mail.subject).toBe('Butin : IBAN modifié sur votre profil de paiement');
    expect(mail.text).toContain('Bonjour Élise Moreau');
    expect(mail.text).toContain('a été modifié le 1 mars 2026 à 10:30, par Élise Moreau');
    expect(mail.text).toContain('Ancien IBAN : FR76 •••• •••• 0189\nNouvel IBAN : DE89 •••• •••• 3000');
    expect(mail.text).toContain('prévenez tout de suite la trésorerie');
    expect(mail.text).toContain(base.url);
  });

  it.each([
    [null, 'FR76 •••• •••• 0189', 'enregistré', 'Ancien IBAN : aucun'],
    ['FR76 •••• •••• 0189', null, 'supprimé', 'Nouvel IBAN : aucun'],
  ])('from %j to %j: %s', (from, to, verb, line) => {
    const mail = ibanChangeMail({ ...base, change: change(from, to) });
    expect(mail.subject).toContain(verb);
    expect(mail.text).toContain(line);
  });
});
