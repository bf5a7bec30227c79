// What a person's pay for a period is made of: hours, expenses refunded, fixed fees, and the value
// of what they gave in kind (valued for the funders, never paid). Sums the parts of their payout
// lines (docs/pricing.md, step 0); lines priced before claims existed carry none of them, and then
// everything is hours. Pure.
export type LineParts = {
  amountCents: number;
  hoursAmountCents?: number | null;
  expensesCents?: number | null;
  fixedFeesCents?: number | null;
  inKindValueCents?: number | null;
};

export type PayoutParts = { hoursCents: number; expensesCents: number; feesCents: number; inKindCents: number };

export function payoutParts(lines: readonly LineParts[]): PayoutParts {
  const parts = { hoursCents: 0, expensesCents: 0, feesCents: 0, inKindCents: 0 };
  for (const line of lines) {
    const expenses = line.expensesCents ?? 0;
    const fees = line.fixedFeesCents ?? 0;
    parts.expensesCents += expenses;
    parts.feesCents += fees;
    parts.inKindCents += line.inKindValueCents ?? 0;
    parts.hoursCents += line.hoursAmountCents ?? line.amountCents - expenses - fees;
  }
  return parts;
}

/** Whether the pay holds anything but hours (only then is it worth a breakdown). */
export function hasClaimParts(parts: PayoutParts): boolean {
  return parts.expensesCents > 0 || parts.feesCents > 0 || parts.inKindCents > 0;
}
