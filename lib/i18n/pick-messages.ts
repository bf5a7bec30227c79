// The part of the messages the browser needs (lib/i18n/client-message-paths.ts says which).
import type { AbstractIntlMessages } from 'next-intl';

/** The part of `messages` under the given paths, nested as in the source. */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: Record<string, unknown> = {};
  for (const dotted of paths) {
    const parts = dotted.split('.');
    let source: unknown = messages;
    for (const part of parts)
      source = source && typeof source === 'object' ? (source as Record<string, unknown>)[part] : undefined;
    if (source === undefined) continue;
    let target = picked;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1]] = source;
  }
  return picked as AbstractIntlMessages;
}

/** The client components' message paths, read from the code when Next built the app (next.config.ts). */
export function builtClientMessagePaths(): string[] {
  const paths = process.env.BUTIN_CLIENT_MESSAGE_PATHS;
  if (!paths) throw new Error('BUTIN_CLIENT_MESSAGE_PATHS is set by next.config.ts; run the app through Next');
  return JSON.parse(paths) as string[];
}
