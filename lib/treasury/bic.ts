// Whether a BIC may travel with an IBAN in a transfer: a valid BIC of a bank in the IBAN's country
// (overseas territories bank under their country's IBAN, as sepa.js itself accepts). Pure.
import { isValidBIC } from 'ibantools';

const TERRITORIES: Record<string, string[]> = {
  FI: ['AX'],
  FR: ['GF', 'GP', 'MQ', 'RE', 'PF', 'TF', 'YT', 'NC', 'BL', 'MF', 'PM', 'WF'],
  GB: ['IM', 'JE', 'GG'],
};

export function bicMatchesIban(bic: string, iban: string): boolean {
  if (!isValidBIC(bic)) return false;
  const bicCountry = bic.slice(4, 6);
  const ibanCountry = iban.slice(0, 2);
  return bicCountry === ibanCountry || (TERRITORIES[ibanCountry]?.includes(bicCountry) ?? false);
}
