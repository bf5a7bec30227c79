// How payouts read on screen: envelope use per chantier as bars (demand against envelope, the
// fixed amounts of claims apart from the hours — docs/pricing.md, step 0), every person's total,
// and each line in words (explainLine). Server components: they only render.
import { getLocale, getTranslations } from 'next-intl/server';
import { formatCents } from '@/lib/format/money';
import { explainLine } from '@/lib/periods/explain';
import type { TPayoutsOut } from '@/lib/periods/schemas';

export type { Names } from '@/lib/periods/names';
import type { Names } from '@/lib/periods/names';
import { byName } from '@/lib/format/compare';
import { asLocale } from '@/lib/i18n/locales';

async function money() {
  const locale = asLocale(await getLocale());
  return { locale, format: (cents: number) => formatCents(cents, locale) } as const;
}

/** Display only: the widths of the bar's parts, in percent of max(envelope, fixed + hours asked). */
function barShares(envelope: number, fixed: number, demand: number) {
  const asked = fixed + demand;
  const scale = Math.max(envelope, asked);
  const percent = (cents: number) => (scale === 0 ? 0 : (cents * 100) / scale);
  return {
    fixed: percent(Math.min(fixed, envelope)),
    hours: percent(Math.min(demand, Math.max(0, envelope - fixed))),
    excess: percent(Math.max(0, asked - envelope)),
  };
}

/** A chantier with fixed amounts (approved expenses, mileage, fixed fees): F beside the hours. */
async function EnvelopeWithFixed({ chantier, name }: { chantier: TPayoutsOut['chantiers'][number]; name: string }) {
  const t = await getTranslations('claimsPay.preview');
  const { format } = await money();
  const envelope = chantier.envelopeCents;
  const fixed = chantier.fixedCents;
  const demand = chantier.demandCents;
  if (envelope === null)
    return (
      <p className="text-sm text-slate-700">
        {t('unlimitedWithFixed', { fixed: format(fixed), demand: format(demand) })}
      </p>
    );
  const shares = barShares(envelope, fixed, demand);
  const percent = (cents: number) => (envelope === 0 ? '∞' : String(Math.round((cents * 100) / envelope)));
  return (
    <>
      <p className="text-sm text-slate-700">
        {t('envelopeWithFixed', { fixed: format(fixed), demand: format(demand), envelope: format(envelope) })}
        {chantier.overdrawn ? null : ` — ${t('hoursShare', { left: format(chantier.hoursEnvelopeCents ?? 0) })}`}
      </p>
      {chantier.overdrawn ? (
        <p className="mt-1 rounded-md border border-red-700 bg-red-50 px-2 py-1 text-sm text-red-800" role="note">
          <strong>{t('overdrawnTitle')} — </strong>
          {t('overdrawn', { fixed: format(fixed), envelope: format(envelope) })}
        </p>
      ) : null}
      <div
        role="img"
        aria-label={t('barWithFixed', {
          chantier: name,
          fixedPercent: percent(fixed),
          percent: percent(fixed + demand),
        })}
        className="mt-1 flex h-4 w-full overflow-hidden rounded-full border border-slate-600 bg-white forced-color-adjust-none"
      >
        {/* Fixed amounts, hours and the excess each contrast with the white track (≥ 3:1), with a
            white gap between them, since colour alone is not enough. */}
        <div className="bg-sky-900" style={{ width: `${shares.fixed.toFixed(2)}%` }} />
        {shares.hours > 0 ? (
          <div
            className={`border-l-2 border-white ${shares.excess > 0 ? 'bg-brand-700' : 'bg-emerald-700'}`}
            style={{ width: `${shares.hours.toFixed(2)}%` }}
          />
        ) : null}
        {shares.excess > 0 ? <div className="flex-1 border-l-2 border-white bg-red-600" /> : null}
      </div>
      <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-700" aria-hidden="true">
        <span>
          <span className="mr-1 inline-block h-2 w-3 bg-sky-900 align-middle" />
          {t('legendFixed')}
        </span>
        <span>
          <span className="mr-1 inline-block h-2 w-3 bg-emerald-700 align-middle" />
          {t('legendHours')}
        </span>
        <span>
          <span className="mr-1 inline-block h-2 w-3 bg-red-600 align-middle" />
          {t('legendExcess')}
        </span>
      </p>
    </>
  );
}

export async function EnvelopeUse({ chantiers, names }: { chantiers: TPayoutsOut['chantiers']; names: Names }) {
  const t = await getTranslations('payouts');
  const claimsT = await getTranslations('claimsPay.preview');
  const { format } = await money();
  return (
    <>
      {chantiers.some((chantier) => chantier.overdrawn) ? (
        <p className="mb-3 text-sm font-medium text-red-800" data-testid="overdrawn-warning">
          {claimsT('closeOverdrawn')}
        </p>
      ) : null}
      <ul className="flex flex-col gap-4" data-testid="envelope-use">
        {chantiers.map((chantier) => {
          const name = names.chantiers[chantier.chantierId] ?? chantier.chantierId;
          if (chantier.fixedCents > 0)
            return (
              <li
                key={chantier.chantierId}
                data-testid={`envelope-${chantier.chantierId}`}
                data-overdrawn={chantier.overdrawn ? 'true' : undefined}
              >
                <p className={`font-medium ${chantier.overdrawn ? 'text-red-800' : 'text-slate-900'}`}>{name}</p>
                <EnvelopeWithFixed chantier={chantier} name={name} />
              </li>
            );
          const envelope = chantier.envelopeCents;
          const exceeded = envelope !== null && chantier.demandCents > envelope;
          // Display only: the share of the bar the envelope covers, and how much of it is asked for.
          const fundedShare =
            envelope === null
              ? 1
              : exceeded
                ? chantier.demandCents === 0
                  ? 0
                  : envelope / chantier.demandCents
                : envelope === 0
                  ? 0
                  : chantier.demandCents / envelope;
          const percent =
            envelope === null || envelope === 0 ? null : Math.round((chantier.demandCents * 100) / envelope);
          return (
            <li key={chantier.chantierId} data-testid={`envelope-${chantier.chantierId}`}>
              <p className="font-medium text-slate-900">{name}</p>
              <p className="text-sm text-slate-700">
                {envelope === null
                  ? t('envelopeUnlimited', { demand: format(chantier.demandCents) })
                  : t('envelopeUse', { demand: format(chantier.demandCents), envelope: format(envelope) })}
                {envelope !== null
                  ? ` — ${exceeded ? t('envelopeExceeded', { excess: format(chantier.demandCents - envelope) }) : t('envelopeLeft', { left: format(envelope - chantier.demandCents) })}`
                  : ''}
              </p>
              {envelope !== null ? (
                <div
                  role="img"
                  aria-label={t('envelopeBar', {
                    chantier: name,
                    percent: percent ?? (chantier.demandCents > 0 ? '∞' : '0'),
                  })}
                  className="mt-1 flex h-4 w-full overflow-hidden rounded-full border border-slate-600 bg-white forced-color-adjust-none"
                >
                  {/* Fill and excess each contrast with the white track (≥ 3:1), and a white gap
                    separates them, since green against red alone is not enough. */}
                  <div
                    className={exceeded ? 'bg-brand-700' : 'bg-emerald-700'}
                    style={{ width: `${(fundedShare * 100).toFixed(2)}%` }}
                  />
                  {exceeded ? <div className="flex-1 border-l-2 border-white bg-red-600" /> : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** `label` names the scrolling table; where several periods show one each, it must name the period. */
export async function PeopleTotals({ payouts, names, label }: { payouts: TPayoutsOut; names: Names; label?: string }) {
  const t = await getTranslations('payouts');
  const { format } = await money();
  const byPerson = new Map(
    payouts.people.map((person) => [
      person.personId,
      { amountCents: person.amountCents, unpaidValueCents: 0, volunteerValueCents: 0 },
    ]),
  );
  for (const line of payouts.lines) {
    const totals = byPerson.get(line.personId)!;
    totals.unpaidValueCents += Math.max(0, line.unpaidValueCents);
    totals.volunteerValueCents += line.volunteerValueCents;
  }
  const rows = [...byPerson].sort(([a], [b]) => byName(names.people[a] ?? a, names.people[b] ?? b));
  return (
    // On a narrow phone the table scrolls sideways; the region takes the focus so a keyboard can too.
    <div className="relative overflow-x-auto" role="region" aria-label={label ?? t('people')} tabIndex={0}>
      <table className="w-full min-w-[20rem] text-left text-sm" data-testid="people-totals">
        <thead>
          <tr className="border-b border-slate-200 text-slate-700">
            <th scope="col" className="py-2 pr-2 font-medium">
              {t('person')}
            </th>
            <th scope="col" className="py-2 pr-2 text-right font-medium">
              {t('amount')}
            </th>
            <th scope="col" className="py-2 pr-2 text-right font-medium">
              {t('unpaid')}
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              {t('volunteer')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([personId, totals]) => (
            <tr key={personId} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-2 font-normal">
                {names.people[personId] ?? personId}
              </th>
              <td className="whitespace-nowrap py-2 pr-2 text-right font-medium">{format(totals.amountCents)}</td>
              <td className="whitespace-nowrap py-2 pr-2 text-right text-slate-700">
                {format(totals.unpaidValueCents)}
              </td>
              <td className="whitespace-nowrap py-2 text-right text-slate-700">{format(totals.volunteerValueCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="py-2 pr-2 text-left">
              {t('total')}
            </th>
            <td className="whitespace-nowrap py-2 pr-2 text-right font-semibold">
              {format(payouts.totals.amountCents)}
            </td>
            <td className="whitespace-nowrap py-2 pr-2 text-right">{format(payouts.totals.unpaidValueCents)}</td>
            <td className="whitespace-nowrap py-2 text-right">{format(payouts.totals.volunteerValueCents)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Each person's lines per chantier, each with its explanation in words. */
/** A line's claim parts in words, when it has any: hours, expenses, fees, and in-kind value apart. */
async function LineParts({ line }: { line: TPayoutsOut['lines'][number] }) {
  if (line.expensesCents + line.fixedFeesCents + line.inKindValueCents === 0) return null;
  const t = await getTranslations('claimsPay.preview');
  const { format } = await money();
  return (
    <p className="text-sm text-slate-700" data-testid="payout-claims">
      {line.expensesCents + line.fixedFeesCents > 0
        ? t('lineParts', {
            hours: format(line.hoursAmountCents),
            expenses: format(line.expensesCents),
            fees: format(line.fixedFeesCents),
          })
        : null}
      {line.inKindValueCents > 0 ? ` ${t('lineInKind', { value: format(line.inKindValueCents) })}` : null}
    </p>
  );
}

export async function PayoutLines({
  lines,
  names,
  headingLevel = 3,
  showPerson = true,
}: {
  lines: TPayoutsOut['lines'];
  names: Names;
  headingLevel?: 3 | 4;
  showPerson?: boolean;
}) {
  const t = await getTranslations('payouts');
  const { locale, format } = await money();
  const byPerson = new Map<string, TPayoutsOut['lines']>();
  for (const line of lines) byPerson.set(line.personId, [...(byPerson.get(line.personId) ?? []), line]);
  const people = [...byPerson.keys()].sort((a, b) => byName(names.people[a] ?? a, names.people[b] ?? b));
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="flex flex-col gap-4">
      {people.map((personId) => {
        const personLines = byPerson.get(personId)!;
        const total = personLines.reduce((sum, line) => sum + line.amountCents, 0);
        return (
          <section
            key={personId}
            // A named region per person where several are listed; on one's own page (every period
            // showing the same person) an unnamed section, so that landmarks stay unique.
            aria-label={showPerson ? (names.people[personId] ?? personId) : undefined}
            data-testid={`payout-person-${personId}`}
          >
            {showPerson ? (
              <Heading className="font-semibold text-slate-900">
                {names.people[personId] ?? personId} — {format(total)}
              </Heading>
            ) : null}
            <ul className="mt-1 flex flex-col gap-2">
              {personLines.map((line) => (
                <li key={line.chantierId} className="rounded-md bg-slate-50 px-3 py-2" data-testid="payout-line">
                  <p className="text-sm font-medium text-slate-900">
                    {t('lineAmount', {
                      chantier: names.chantiers[line.chantierId] ?? line.chantierId,
                      amount: format(line.amountCents),
                    })}
                  </p>
                  <p className="text-sm text-slate-700" data-testid="payout-explanation">
                    {explainLine(line, locale)}
                  </p>
                  <LineParts line={line} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
