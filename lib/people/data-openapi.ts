// The personal-data endpoints (docs/backup.md, docs/permissions.md): one's own archive, and an
// admin's anonymisation of a deactivated person. Each operation is its route's own definition.
import { defineOperation, type Operation } from '@/lib/api/openapi-types';
import { ZIdParams } from '@/lib/api/schemas';
import { ZAnonymiseOut } from './data-schemas';

export const PERSONAL_DATA_API = {
  exportMyData: defineOperation({
    operationId: 'exportMyData',
    method: 'get',
    path: '/me/export',
    summary:
      'Everything Butin holds about you, as a ZIP: profile, payout profile, contributions with their history, payouts, payments, notifications, API tokens (names only), audit entries; JSON, and CSV for the lists',
    who: 'signed in',
    responses: { 200: { contentType: 'application/zip' } },
  }),
  anonymisePerson: defineOperation({
    operationId: 'anonymisePerson',
    method: 'post',
    path: '/people/{id}/anonymise',
    summary:
      'Anonymises a deactivated person: name becomes "Personne anonymisée n"; email, password, IBAN, BIC, address, SIRET and legal name erased; tokens, invitations, notifications and sign-in attempts removed; hours, amounts, dates, payout runs and payments kept.',
    who: 'admin',
    params: ZIdParams,
    responses: { 200: ZAnonymiseOut },
    errors: { 409: 'CONFLICT: the person is active (error.details.reason PERSON_ACTIVE) or already anonymised' },
  }),
};

export const PERSONAL_DATA_OPERATIONS: Operation[] = Object.values(PERSONAL_DATA_API);
