// A changed IBAN is how payroll fraud starts: the person is told, in the app always and by email
// when SMTP is configured, with both IBANs masked. What the notice carries and the email's text,
// as plain data and pure functions (no I/O: screens may import this); profiles.ts sends it.

export const IBAN_CHANGED_KIND = 'payout.iban-changed';

/**
 * What the notification row carries: masked IBANs only, never a whole one; when (a timestamp, and
 * the calendar date in the collective's time zone) and by whom.
 */
export type IbanChange = {
  from: string | null;
  to: string | null;
  changedAt: string;
  date: string;
  changedById: string;
  changedByName: string;
};

export function ibanChangeMail(options: {
  name: string;
  collective: string;
  change: IbanChange;
  timeZone: string;
  url: string;
}): { subject: string; text: string } {
  const { change } = options;
  const when = new Intl.DateTimeFormat('fr-FR', {
    timeZone: options.timeZone,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(change.changedAt));
  const what = change.from === null ? 'enregistré' : change.to === null ? 'supprimé' : 'modifié';
  return {
    subject: `Butin : IBAN ${what} sur votre profil de paiement`,
    text:
      `Bonjour ${options.name},\n\n` +
      `L'IBAN de votre profil de paiement (${options.collective}) a été ${what} le ${when}, par ${change.changedByName}.\n\n` +
      `Ancien IBAN : ${change.from ?? 'aucun'}\n` +
      `Nouvel IBAN : ${change.to ?? 'aucun'}\n\n` +
      `Si c'est bien vous, il n'y a rien à faire. Sinon, prévenez tout de suite la trésorerie de votre collectif et changez votre mot de passe : ` +
      `un IBAN modifié à votre insu peut détourner votre rétribution.\n\n${options.url}\n\n— Butin\n\n` +
      `(English: the IBAN of your payout profile was ${what === 'enregistré' ? 'set' : what === 'supprimé' ? 'removed' : 'changed'}. If this was not you, tell your treasurer at once.)\n`,
  };
}
