// Admin: the collective's name, time zone and transparency.
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/require';
import { getSettings } from '@/lib/settings/settings';
import { PageTitle, Section } from '@/components/ui/primitives';
import { SettingsForm } from '../chantiers/forms';

export default async function SettingsPage() {
  await requirePermission('settings.manage');
  const t = await getTranslations('settings');
  const settings = await getSettings();
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <Section title={settings.name}>
        <SettingsForm settings={settings} />
      </Section>
    </>
  );
}
