// Admin: the people of the collective.
import 'server-only';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/require';
import { listPeopleForAdmin } from '@/lib/people/people';
import { listChantiers } from '@/lib/chantiers/chantiers';
import { PageTitle, Section } from '@/components/ui/primitives';
import { InviteForm, PersonRow } from './people-forms';
import { chantierLabel } from '@/lib/format/chantier';
import { mailEnabled } from '@/lib/mail/mailer';

export default async function PeoplePage() {
  const actor = await requirePermission('people.update');
  const t = await getTranslations();
  const [people, chantiers] = await Promise.all([
    listPeopleForAdmin({ actor }),
    listChantiers({ includeInactive: true }),
  ]);
  // The REFERENT role follows the chantiers ticked below, so it is not offered on its own.
  const roleOptions = (['ADMIN', 'TREASURER'] as const).map((role) => ({ value: role, label: t(`roles.${role}`) }));
  const chantierOptions = chantiers.map((chantier) => ({
    value: chantier.id,
    label: chantierLabel(chantier),
  }));
  return (
    <>
      <PageTitle>{t('people.title')}</PageTitle>
      <div className="flex flex-col gap-6">
        <Section title={t('people.invite')}>
          {/* Say truly whether an email goes out: without SMTP the admin passes the link on. */}
          <p className="mb-4 text-sm text-slate-700" data-testid="invite-intro">
            {t(mailEnabled() ? 'everyday.invite.introEmail' : 'everyday.invite.introLink')}
          </p>
          <InviteForm
            roleOptions={roleOptions}
            chantierOptions={chantierOptions}
            submitLabel={t(mailEnabled() ? 'people.submitInvite' : 'everyday.invite.submitLink')}
          />
        </Section>
        <Section title={t('people.count', { count: people.length })}>
          <ul className="divide-y divide-slate-200">
            {people.map((person) => (
              <PersonRow
                key={person.id}
                person={{
                  id: person.id,
                  name: person.name,
                  email: person.email,
                  active: person.active,
                  pending: person.pending,
                  roles: person.roles,
                  referentOf: person.referentOf,
                }}
                roleOptions={roleOptions}
                chantierOptions={chantierOptions}
              />
            ))}
          </ul>
        </Section>
      </div>
    </>
  );
}
