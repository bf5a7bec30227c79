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
  DISTANCE: 'distance',
  DISTANCE_INVALID: 'distance',
  MILEAGE_RATE: 'distance',
  FROM: 'from',
  TO: 'to',
  DESCRIPTION: 'description',
  RECEIPT: 'receipts',
  FILE_TOO_LARGE: 'receipts',
  FILE_TYPE: 'receipts',
  TOO_MANY_FILES: 'receipts',
};

/** The server's names for the claim's fields, as the form names them. */
export const SERVER_FIELD: Record<string, string> = {
  amountCents: 'amount',
  distanceKm: 'distance',
};
