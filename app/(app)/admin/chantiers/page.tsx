// Admin: the chantiers (workstreams).
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/require';
import { listChantiers } from '@/lib/chantiers/chantiers';
import { PageTitle, Section } from '@/components/ui/primitives';
import { ChantierForm } from './forms';
import { chantierLabel } from '@/lib/format/chantier';

export default async function ChantiersPage() {
  await requirePermission('chantiers.manage');
  const t = await getTranslations('chantiers');
  const chantiers = await listChantiers({ includeInactive: true });
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <div className="flex flex-col gap-6">
        {chantiers.map((chantier) => (
          <Section key={chantier.id} title={chantierLabel(chantier)}>
            <ChantierForm chantier={chantier} />
          </Section>
        ))}
        <Section title={t('add')}>
          <ChantierForm />
        </Section>
      </div>
    </>
  );
}
