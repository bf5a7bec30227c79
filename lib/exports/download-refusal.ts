// What to tell a person whose export the server refused, from the API's error body
// (`{ "error": { "code", "message", "details" } }`): the API's message is for programs (English),
// so the page says it in its own words, and points to where the cause can be fixed. Pure.

export type RefusalMessages = {
  /** The collective's account the SEPA transfers leave from is not set / not valid. */
  debtorMissing: string;
  debtorInvalid: string;
  /** Where to set it, and the words of that link. */
  settingsHref: string;
  settingsLink: string;
  /** No payee can be paid by transfer (all paid, owed nothing or without a valid IBAN). */
  nothingToTransfer: string;
  paymentsHref: string;
  paymentsLink: string;
  /** The period is still open: the file exists once it is closed. */
  periodOpen: string;
  notFound: string;
  forbidden: string;
  /** Anything else, or no answer at all. */
  failed: string;
};

export type Refusal = { text: string; fix?: { href: string; label: string } };

function errorOf(body: unknown): { code?: string; reason?: string } {
  if (!body || typeof body !== 'object' || !('error' in body)) return {};
  const error = (body as { error: unknown }).error;
  if (!error || typeof error !== 'object') return {};
  const { code, details } = error as { code?: unknown; details?: unknown };
  const reason =
    details && typeof details === 'object' && 'reason' in details ? (details as { reason: unknown }).reason : undefined;
  return {
    code: typeof code === 'string' ? code : undefined,
    reason: typeof reason === 'string' ? reason : undefined,
  };
}

export function downloadRefusal(options: { status: number; body: unknown; messages: RefusalMessages }): Refusal {
  const { status, body, messages } = options;
  const { code, reason } = errorOf(body);
  const settings = { href: messages.settingsHref, label: messages.settingsLink };
  if (reason === 'DEBTOR_MISSING') return { text: messages.debtorMissing, fix: settings };
  if (reason === 'DEBTOR_INVALID') return { text: messages.debtorInvalid, fix: settings };
  if (reason === 'NOTHING_TO_TRANSFER')
    return { text: messages.nothingToTransfer, fix: { href: messages.paymentsHref, label: messages.paymentsLink } };
  if (reason === 'PERIOD_OPEN') return { text: messages.periodOpen };
  if (status === 404 || code === 'NOT_FOUND') return { text: messages.notFound };
  if (status === 401 || status === 403) return { text: messages.forbidden };
  return { text: messages.failed };
}

/** The file name a Content-Disposition header gives (RFC 6266: filename* first), if any. */
export function filenameFrom(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/.exec(header);
  const name = plain?.[1] ?? plain?.[2];
  return name ? name.trim() : undefined;
}
