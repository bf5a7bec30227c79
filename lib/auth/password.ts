// Password hashing with argon2id (@node-rs/argon2: prebuilt, no install script, OWASP defaults).
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN_LENGTH = 10;

const ARGON2ID = 2; // the Algorithm.Argon2id enum value (a const enum, not importable at runtime)

export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

// Verifying against a real hash of a random password when the account does not exist costs the
// same time as a real check, so the response time does not tell which emails have accounts.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  try {
    const ok = await verify(passwordHash ?? (await dummyHash), password);
    return Boolean(passwordHash) && ok;
  } catch {
    return false;
  }
}
