// The two languages of the UI, French first. The choice is a cookie, so it needs no URL prefix.
// Messages: one namespace per file, messages/{fr,en}/<namespace>.json, whose one top-level key is
// the namespace. To add a namespace, import its two files and add their pair to NAMESPACES.
import frApp from '@/messages/fr/app.json';
import enApp from '@/messages/en/app.json';
import frApprovedList from '@/messages/fr/approvedList.json';
import enApprovedList from '@/messages/en/approvedList.json';
import frChantiers from '@/messages/fr/chantiers.json';
import enChantiers from '@/messages/en/chantiers.json';
import frCommon from '@/messages/fr/common.json';
import enCommon from '@/messages/en/common.json';
import frDeclare from '@/messages/fr/declare.json';
import enDeclare from '@/messages/en/declare.json';
import frErrors from '@/messages/fr/errors.json';
import enErrors from '@/messages/en/errors.json';
import frExports from '@/messages/fr/exports.json';
import enExports from '@/messages/en/exports.json';
import frHistory from '@/messages/fr/history.json';
import enHistory from '@/messages/en/history.json';
import frHome from '@/messages/fr/home.json';
import enHome from '@/messages/en/home.json';
import frImport from '@/messages/fr/import.json';
import enImport from '@/messages/en/import.json';
import frJoin from '@/messages/fr/join.json';
import enJoin from '@/messages/en/join.json';
import frMine from '@/messages/fr/mine.json';
import enMine from '@/messages/en/mine.json';
import frNav from '@/messages/fr/nav.json';
import enNav from '@/messages/en/nav.json';
import frNotifications from '@/messages/fr/notifications.json';
import enNotifications from '@/messages/en/notifications.json';
import frOutage from '@/messages/fr/outage.json';
import enOutage from '@/messages/en/outage.json';
import frPayees from '@/messages/fr/payees.json';
import enPayees from '@/messages/en/payees.json';
import frPayoutExplain from '@/messages/fr/payoutExplain.json';
import enPayoutExplain from '@/messages/en/payoutExplain.json';
import frPayouts from '@/messages/fr/payouts.json';
import enPayouts from '@/messages/en/payouts.json';
import frPeople from '@/messages/fr/people.json';
import enPeople from '@/messages/en/people.json';
import frPeriods from '@/messages/fr/periods.json';
import enPeriods from '@/messages/en/periods.json';
import frPlaces from '@/messages/fr/places.json';
import enPlaces from '@/messages/en/places.json';
import frProfile from '@/messages/fr/profile.json';
import enProfile from '@/messages/en/profile.json';
import frReset from '@/messages/fr/reset.json';
import enReset from '@/messages/en/reset.json';
import frReview from '@/messages/fr/review.json';
import enReview from '@/messages/en/review.json';
import frRoles from '@/messages/fr/roles.json';
import enRoles from '@/messages/en/roles.json';
import frSettings from '@/messages/fr/settings.json';
import enSettings from '@/messages/en/settings.json';
import frSetup from '@/messages/fr/setup.json';
import enSetup from '@/messages/en/setup.json';
import frSignin from '@/messages/fr/signin.json';
import enSignin from '@/messages/en/signin.json';
import frStatus from '@/messages/fr/status.json';
import enStatus from '@/messages/en/status.json';
import frTitles from '@/messages/fr/titles.json';
import enTitles from '@/messages/en/titles.json';
import frTreasury from '@/messages/fr/treasury.json';
import enTreasury from '@/messages/en/treasury.json';
import frValidation from '@/messages/fr/validation.json';
import enValidation from '@/messages/en/validation.json';
import frWeek from '@/messages/fr/week.json';
import enWeek from '@/messages/en/week.json';
import frPlans from '@/messages/fr/plans.json';
import enPlans from '@/messages/en/plans.json';
import frAlerts from '@/messages/fr/alerts.json';
import enAlerts from '@/messages/en/alerts.json';
import frEveryday from '@/messages/fr/everyday.json';
import enEveryday from '@/messages/en/everyday.json';
import frClaims from '@/messages/fr/claims.json';
import enClaims from '@/messages/en/claims.json';
import frClaimsPay from '@/messages/fr/claimsPay.json';
import enClaimsPay from '@/messages/en/claimsPay.json';
import frClaimsUi from '@/messages/fr/claimsUi.json';
import enClaimsUi from '@/messages/en/claimsUi.json';

import type { Locale } from '@/lib/i18n/locales';

export { asLocale, DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES, type Locale } from '@/lib/i18n/locales';

/** [French, English] for every namespace; lib/i18n/locale.test.ts checks both have the same keys. */
const NAMESPACES = [
  [frApp, enApp],
  [frApprovedList, enApprovedList],
  [frChantiers, enChantiers],
  [frCommon, enCommon],
  [frDeclare, enDeclare],
  [frErrors, enErrors],
  [frExports, enExports],
  [frHistory, enHistory],
  [frHome, enHome],
  [frImport, enImport],
  [frJoin, enJoin],
  [frMine, enMine],
  [frNav, enNav],
  [frNotifications, enNotifications],
  [frOutage, enOutage],
  [frPayees, enPayees],
  [frPayoutExplain, enPayoutExplain],
  [frPayouts, enPayouts],
  [frPeople, enPeople],
  [frPeriods, enPeriods],
  [frPlaces, enPlaces],
  [frProfile, enProfile],
  [frReset, enReset],
  [frReview, enReview],
  [frRoles, enRoles],
  [frSettings, enSettings],
  [frSetup, enSetup],
  [frSignin, enSignin],
  [frStatus, enStatus],
  [frTitles, enTitles],
  [frTreasury, enTreasury],
  [frValidation, enValidation],
  [frWeek, enWeek],
  [frPlans, enPlans],
  [frAlerts, enAlerts],
  [frEveryday, enEveryday],
  [frClaims, enClaims],
  [frClaimsPay, enClaimsPay],
  [frClaimsUi, enClaimsUi],
] as const;

type Pairs = typeof NAMESPACES;
type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (all: infer I) => void
  ? I
  : never;
/** Every namespace, as French has them: the shape of the messages (next-intl's AppConfig, see global.d.ts). */
export type Messages = UnionToIntersection<Pairs[number][0]>;

const merge = (index: 0 | 1) => Object.assign({}, ...NAMESPACES.map((pair) => pair[index])) as Messages;

const MESSAGES: Record<Locale, Messages> = { fr: merge(0), en: merge(1) };

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}
