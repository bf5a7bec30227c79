// Home: where each person starts from. Everyone: a big "Déclarer", this period's hours by status,
// pay so far, what was sent back, the week's total. Reviewers: what waits for them, oldest first.
// Treasurers: periods ending soon, envelopes near their limit, what is left to pay, payees without
// a valid IBAN. Admins: pending invitations, people with no role beyond contributor. Then who I am
// here, the chantiers and the places. A contributor with a plan in the period under way: their
// plan and pace (docs/plans.md).
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { can } from '@/lib/auth/permissions';
import { listChantiers, listPlaces } from '@/lib/chantiers/chantiers';
import { getSettings } from '@/lib/settings/settings';
import { todayIn } from '@/lib/contributions/server/periods';
import { getAdminHome, getContributorHome, getReviewerHome, getTreasurerHome } from '@/lib/home/home';
import { isReviewer } from '@/components/layout/navigation';
import { Badge, PageTitle, Section } from '@/components/ui/primitives';
import { HomeNotices } from '@/components/contributions/notices';
import { chantierLabel } from '@/lib/format/chantier';
import { getMyPlan } from '@/lib/plans/server/plan';
import { MyPlanBlock } from '@/components/plans/my-plan';
import { AdminBlock, ContributorBlock, ReviewerBlock, TreasurerBlock } from '@/components/home/home-sections';

export default async function HomePage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const settings = await getSettings();
  const today = todayIn(settings.timeZone);
  const [chantiers, places, contributor, reviewer, treasurer, admin, myPlan] = await Promise.all([
    listChantiers(),
    listPlaces(),
    getContributorHome({ actor, today }),
    isReviewer(actor) ? getReviewerHome({ actor }) : null,
    can(actor, 'payments.record') ? getTreasurerHome({ actor, today }) : null,
    can(actor, 'people.update') ? getAdminHome({ actor }) : null,
    getMyPlan({ actor, today }),
  ]);
  const mine = chantiers.filter((chantier) => actor.referentOf.includes(chantier.id));
  const chantierNames = Object.fromEntries(chantiers.map((chantier) => [chantier.id, chantier.name]));
  return (
    <>
      <PageTitle>{t('home.title', { name: actor.name })}</PageTitle>
      <p className="mb-6 text-slate-700">{t('home.intro', { collective: settings.name })}</p>
      <HomeNotices actor={actor} />
      <div className="flex flex-col gap-6">
        {reviewer ? <ReviewerBlock home={reviewer} /> : null}
        {treasurer ? <TreasurerBlock home={treasurer} chantierNames={chantierNames} /> : null}
        {admin ? <AdminBlock home={admin} /> : null}
        <ContributorBlock home={contributor} />
        {myPlan ? <MyPlanBlock plan={myPlan} /> : null}
      </div>
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <Section title={t('home.yourRoles')}>
          <ul className="flex flex-wrap gap-2" data-testid="my-roles">
            {actor.roles.map((role) => (
              <li key={role}>
                <Badge>{t(`roles.${role}`)}</Badge>
              </li>
            ))}
          </ul>
          {mine.length ? (
            <p className="mt-4 text-sm text-slate-700">
              {t('home.referentOf')} {mine.map((chantier) => chantier.name).join(', ')}
            </p>
          ) : null}
        </Section>
        <Section title={t('home.places')}>
          <ul className="list-inside list-disc text-slate-800">
            {places.map((place) => (
              <li key={place.id}>{place.name}</li>
            ))}
          </ul>
        </Section>
      </div>
      <div className="mt-6">
        <Section title={t('home.chantiers')}>
          <ul className="flex flex-col gap-4">
            {chantiers.map((chantier) => (
              <li key={chantier.id}>
                <p className="font-medium">{chantierLabel(chantier)}</p>
                {chantier.description ? <p className="text-sm text-slate-700">{chantier.description}</p> : null}
                <p className="text-sm text-slate-600">
                  {t('chantiers.referents')} :{' '}
                  {chantier.referents.map((link) => link.person.name).join(', ') || t('home.noReferent')}
                </p>
              </li>
            ))}
          </ul>
        </Section>
      </div>
    </>
  );
}
