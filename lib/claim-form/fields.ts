// Which field of the claim form each missing thing belongs to, so the form shows the message
// beside that field and moves the focus there.
import type { Missing } from '@/lib/claim-form/missing';

export const MISSING_FIELD: Record<Missing, string> = {
  KIND: 'kind',
  DATE: 'date',
  DATE_OUTSIDE_OPEN_PERIOD: 'date',
  CHANTIER: 'chantierId',
  AMOUNT: 'amount',
  AMOUNT_INVALID: 'amount',
  AMOUNT_TOO_LARGE: 'amount',
  DISTANCE: 'distanceKm',
  DISTANCE_INVALID: 'distanceKm',
  MILEAGE_RATE: 'distanceKm',
  FROM: 'from',
  TO: 'to',
  DESCRIPTION: 'description',
  RECEIPT: 'receipts',
  FILE_TOO_LARGE: 'receipts',
  FILE_TYPE: 'receipts',
  TOO_MANY_FILES: 'receipts',
};
