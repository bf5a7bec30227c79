// A payout line in words, for the person it concerns: "20 h × 30,00 €/h = 600,00 € ; enveloppe du
// chantier dépassée : × 0,7407 → 444,45 € ; 155,55 € non rétribués". It reads only the line
// and the explanation the pricing module stored with it, so a frozen run explains itself forever;
// the words are next-intl's translator's (lib/i18n/translator.ts).
// The phrases live in messages/{fr,en}/payoutExplain.json.
import type { PayoutLine } from '@/lib/pricing';
import { formatCents } from '@/lib/format/money';
import { formatDuration } from '@/lib/contributions/duration';
import { translatorFor } from '@/lib/i18n/translator';

export type ExplainLocale = 'fr' | 'en';

/**
 * A payout line's figures and explanation; whose line it is does not change the words. A line
 * with claims also carries their parts: the words are about the hours alone, so what the hours
 * are paid is its amount less its expenses and fixed fees (docs/claims.md).
 */
export type ExplainableLine = Omit<PayoutLine, 'personId' | 'chantierId'> & {
  expensesCents?: number;
  fixedFeesCents?: number;
};

/** What a line pays for its hours: its amount less the claims it carries. */
export function hoursAmountOf(line: ExplainableLine): number {
  return line.amountCents - (line.expensesCents ?? 0) - (line.fixedFeesCents ?? 0);
}

/** An exact amount of cents (a fraction) rounded half up, as the pricing module rounds. */
export function roundExactCents(value: { numerator: string; denominator: string }): number {
  const numerator = BigInt(value.numerator);
  const denominator = BigInt(value.denominator);
  return Number((BigInt(2) * numerator + denominator) / (BigInt(2) * denominator));
}

/** "0.7407" → "0,7407" (fr); trailing zeros dropped: "0.5000" → "0,5", "1.0000" → "1". */
export function formatFactor(decimal: string, locale: ExplainLocale): string {
  const trimmed = decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;
  return locale === 'fr' ? trimmed.replace('.', ',') : trimmed;
}

/** The words of one payout line, in French or English. */
export function explainLine(line: ExplainableLine, locale: ExplainLocale = 'fr'): string {
  const t = translatorFor(locale);
  const money = (cents: number) => formatCents(cents, locale);
  const rate = money(line.rateCents);
  const { explanation } = line;
  const parts: string[] = [];
  const hoursAmountCents = hoursAmountOf(line);

  if (line.approvedMinutes > 0) {
    if (line.cappedMinutes > 0 && explanation.capMinutes !== null) {
      parts.push(
        t('payoutExplain.capped', {
          approved: formatDuration(line.approvedMinutes, locale),
          capped: formatDuration(line.cappedMinutes, locale),
          cap: formatDuration(explanation.capMinutes, locale),
        }),
      );
    }
    const paidValueCents = roundExactCents(explanation.paidValueCents);
    const source = line.rateSource === 'DEFAULT' ? '' : t(`payoutExplain.source${line.rateSource}`);
    parts.push(
      t('payoutExplain.base', {
        hours: formatDuration(explanation.paidMinutes, locale),
        rate,
        source,
        value: money(paidValueCents),
      }),
    );

    const factor = explanation.scalingFactor;
    const scaled = explanation.envelopeBound && factor !== null && factor.numerator !== factor.denominator;
    if (scaled) {
      const key = explanation.policy === 'FIRST_COME' ? 'payoutExplain.firstCome' : 'payoutExplain.prorata';
      parts.push(t(key, { factor: formatFactor(factor.decimal, locale), amount: money(hoursAmountCents) }));
    } else if (hoursAmountCents !== paidValueCents) {
      // Not scaled, yet not the rounded value: the chantier's leftover cents went elsewhere (or here).
      parts.push(t('payoutExplain.rounded', { amount: money(hoursAmountCents) }));
    }
    if (line.unpaidValueCents > 0) parts.push(t('payoutExplain.unpaid', { value: money(line.unpaidValueCents) }));
  }

  if (line.volunteerMinutes > 0) {
    parts.push(
      t('payoutExplain.volunteer', {
        hours: formatDuration(line.volunteerMinutes, locale),
        rate,
        value: money(line.volunteerValueCents),
      }),
    );
  }
  return parts.join(t('payoutExplain.separator'));
}
