// Admin: the places (tiers-lieux).
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/require';
import { listPlaces } from '@/lib/chantiers/chantiers';
import { PageTitle, Section } from '@/components/ui/primitives';
import { PlaceForm } from '../chantiers/forms';

export default async function PlacesPage() {
  await requirePermission('places.manage');
  const t = await getTranslations('places');
  const places = await listPlaces({ includeInactive: true });
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <div className="flex flex-col gap-6">
        {places.map((place) => (
          <Section key={place.id} title={place.name}>
            <PlaceForm place={place} />
          </Section>
        ))}
        <Section title={t('add')}>
          <PlaceForm />
        </Section>
      </div>
    </>
  );
}
