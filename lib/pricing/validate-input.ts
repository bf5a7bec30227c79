/**
 * Checks a pricing input before any money is computed. The API validates requests with zod at
 * the edge; this is the module's own guard, so a frozen run, a script or a test can never feed
 * it a fractional minute, a negative rate or two contributions sharing an id.
 */
import type { PricingInput } from './types';

/** Thrown for any input the pricing rules cannot price; the message names the offending field. */
export class PricingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PricingInputError';
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A zone is required: without one, the same string would mean different instants on different servers.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function fail(path: string, problem: string): never {
  throw new PricingInputError(`Invalid pricing input: ${path} ${problem}`);
}

export function checkCount(value: unknown, path: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(path, `must be a non-negative integer, got ${JSON.stringify(value)}`);
  }
}

export function checkId(value: unknown, path: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    fail(path, `must be a non-empty string, got ${JSON.stringify(value)}`);
  }
}

export function checkOptionalId(value: unknown, path: string): void {
  if (value !== null && value !== undefined) checkId(value, path);
}

export function checkArray(value: unknown, path: string): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
}

export function checkCalendarDate(value: unknown, path: string): void {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const roundTrip = new Date(Date.UTC(year, month - 1, day));
    if (roundTrip.getUTCMonth() === month - 1 && roundTrip.getUTCDate() === day) return;
  }
  fail(path, `must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

function checkTimestamp(value: unknown, path: string): void {
  if (typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))) return;
  fail(path, `must be an ISO 8601 timestamp with a zone, got ${JSON.stringify(value)}`);
}

/** Throws a PricingInputError unless `input` can be priced. */
export function assertValidPricingInput(input: PricingInput): void {
  if (typeof input !== 'object' || input === null) fail('input', 'must be an object');
  const { settings, contributions } = input;
  if (typeof settings !== 'object' || settings === null) fail('settings', 'must be an object');

  checkCount(settings.defaultRateCents, 'settings.defaultRateCents');
  if (settings.capMinutes !== null && settings.capMinutes !== undefined) {
    checkCount(settings.capMinutes, 'settings.capMinutes');
  }
  if (settings.overflowPolicy !== 'PRORATA' && settings.overflowPolicy !== 'FIRST_COME') {
    fail('settings.overflowPolicy', `must be PRORATA or FIRST_COME, got ${JSON.stringify(settings.overflowPolicy)}`);
  }

  checkArray(settings.envelopes, 'settings.envelopes');
  const envelopeChantiers = new Set<string>();
  settings.envelopes.forEach((envelope, index) => {
    const path = `settings.envelopes[${index}]`;
    checkId(envelope?.chantierId, `${path}.chantierId`);
    checkCount(envelope.amountCents, `${path}.amountCents`);
    if (envelopeChantiers.has(envelope.chantierId)) fail(path, `repeats chantier ${envelope.chantierId}`);
    envelopeChantiers.add(envelope.chantierId);
  });

  checkArray(settings.rates, 'settings.rates');
  const rateKeys = new Set<string>();
  settings.rates.forEach((rate, index) => {
    const path = `settings.rates[${index}]`;
    checkOptionalId(rate?.personId, `${path}.personId`);
    checkOptionalId(rate.chantierId, `${path}.chantierId`);
    checkCount(rate.rateCents, `${path}.rateCents`);
    if (rate.personId == null && rate.chantierId == null) {
      fail(path, 'names neither a person nor a chantier (the period-wide rate is defaultRateCents)');
    }
    const key = JSON.stringify([rate.personId ?? null, rate.chantierId ?? null]);
    // Two overrides for the same key would make the rate depend on their order.
    if (rateKeys.has(key)) fail(path, `repeats the rate for ${key}`);
    rateKeys.add(key);
  });

  checkArray(contributions, 'contributions');
  const contributionIds = new Set<string>();
  contributions.forEach((contribution, index) => {
    const path = `contributions[${index}]`;
    checkId(contribution?.id, `${path}.id`);
    checkId(contribution.personId, `${path}.personId`);
    checkId(contribution.chantierId, `${path}.chantierId`);
    checkOptionalId(contribution.placeId, `${path}.placeId`);
    checkCalendarDate(contribution.date, `${path}.date`);
    checkTimestamp(contribution.createdAt, `${path}.createdAt`);
    checkCount(contribution.minutes, `${path}.minutes`);
    if (typeof contribution.volunteer !== 'boolean') fail(`${path}.volunteer`, 'must be a boolean');
    // The id is the last tie-breaker of the funding order: it must be unique for the order to be total.
    if (contributionIds.has(contribution.id)) fail(path, `repeats contribution id ${contribution.id}`);
    contributionIds.add(contribution.id);
  });
}
