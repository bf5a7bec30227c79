// The personal-data endpoints' entries in the OpenAPI document: one's own archive, and an
// admin's anonymisation of a deactivated person.
import type { Operation } from '@/lib/api/openapi-types';
import { ZIdParams } from '@/lib/api/schemas';
import { ZAnonymiseOut } from './data-schemas';

export const PERSONAL_DATA_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/me/export',
    summary:
      'Everything Butin holds about you, as a ZIP: profile, payout profile, contributions with their history, payouts, payments, notifications, API tokens (names only), audit entries; JSON, and CSV for the lists',
    who: 'signed in',
    response: { status: 200, contentType: 'application/zip' },
  },
  {
    method: 'post',
    path: '/people/{id}/anonymise',
    summary:
      'Anonymises a deactivated person: name becomes "Personne anonymisée n"; email, password, IBAN, BIC, address, SIRET and legal name erased; tokens, invitations, notifications and sign-in attempts removed; hours, amounts, dates, payout runs and payments kept. 409 when the person is active (error.details.reason PERSON_ACTIVE) or already anonymised.',
    who: 'admin',
    params: ZIdParams,
    response: { status: 200, schema: ZAnonymiseOut },
  },
];
