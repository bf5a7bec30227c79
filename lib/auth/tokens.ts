// Secret tokens (API tokens, invitation and reset links): random, shown once, stored as SHA-256.
// A fast hash is right here: the tokens carry 256 bits of randomness, so no guessing is possible.
import crypto from 'node:crypto';

export function newSecretToken(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
