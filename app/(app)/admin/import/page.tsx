// Admin: import contributions from a CSV kept before Butin — check first (a dry run), then import.
import { getTranslations } from 'next-intl/server';
import { ScrollArea } from '@/components/ui/scroll-area';
import { requirePermission } from '@/lib/auth/require';
import { COLUMN_LABELS, COLUMNS, REQUIRED_COLUMNS } from '@/lib/import/fields';
import { PageTitle, Section } from '@/components/ui/primitives';
import { ImportForm } from './import-form';

const EXAMPLE = [
  'email;date;durée;chantier;lieu;description;bénévole',
  'alice@exemple.org;28/11/2026;1h30;C1;La Coroutine;Atelier réparation;non',
  'bruno@exemple.org;2026-11-29;45min;C2;;"Réunion de coordination ; compte rendu',
  'envoyé à tous";oui',
].join('\n');

export default async function ImportPage() {
  await requirePermission('contributions.import');
  const t = await getTranslations('import');
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <div className="flex flex-col gap-6">
        <Section>
          <p className="mb-2 text-sm text-slate-700">{t('intro')}</p>
          <p className="mb-4 text-sm text-slate-700">{t('statusNote')}</p>
          <ImportForm />
        </Section>
        <Section title={t('columnsTitle')}>
          <p className="mb-4 text-sm text-slate-700">{t('columnsIntro')}</p>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('columnName')}
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    {t('columnMeaning')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {COLUMNS.map((column) => (
                  <tr key={column} className="border-b border-slate-200 align-top">
                    <td className="py-2 pr-4">
                      <code className="font-mono">{COLUMN_LABELS[column]}</code>{' '}
                      <span className="text-xs text-slate-600">
                        ({REQUIRED_COLUMNS.includes(column) ? t('required') : t('optional')})
                      </span>
                    </td>
                    <td className="py-2">{t(`columns.${column}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="mt-4 mb-2 text-sm font-semibold text-slate-900">{t('example')}</h3>
          <ScrollArea label={t('example')}>
            <pre className="rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800">{EXAMPLE}</pre>
          </ScrollArea>
        </Section>
      </div>
    </>
  );
}
