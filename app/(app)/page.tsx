// Home: who I am here, the chantiers (with their referents) and the places.
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { listChantiers, listPlaces } from '@/lib/chantiers/chantiers';
import { getSettings } from '@/lib/settings/settings';
import { Badge, PageTitle, Section } from '@/components/ui/primitives';
import { HomeNotices } from '@/components/contributions/notices';
import { chantierLabel } from '@/lib/format/chantier';

export default async function HomePage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const [settings, chantiers, places] = await Promise.all([getSettings(), listChantiers(), listPlaces()]);
  const mine = chantiers.filter((chantier) => actor.referentOf.includes(chantier.id));
  return (
    <>
      <PageTitle>{t('home.title', { name: actor.name })}</PageTitle>
      <p className="mb-6 text-slate-700">{t('home.intro', { collective: settings.name })}</p>
      <HomeNotices actor={actor} />
      <div className="grid gap-6 md:grid-cols-2">
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
