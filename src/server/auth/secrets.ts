/**
 * Passwords, session ids and ingest tokens. Passwords are hashed with argon2id (memory-hard,
 * DESIGN §10); session ids and tokens are 256-bit random values, so a fast SHA-256 of them is
 * enough to store (no dictionary to try).
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id (the library's default algorithm) at OWASP's suggested cost: 19 MiB, 2 passes. */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `the password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `the password may have at most ${MAX_PASSWORD_LENGTH} characters`;
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

// Verified against when the user does not exist, so that timing does not tell which names exist.
let dummyHash: Promise<string> | null = null;

/** Whether `password` matches `passwordHash` (null: no such user — still costs one verification). */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  if (passwordHash === null) {
    dummyHash ??= hashPassword(randomSecret());
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** A 256-bit random value, base64url (43 characters). */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a session id or a token: SHA-256, hex. */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new ingest token as shown once to its creator: `kzk_` and 256 random bits. */
export function newIngestToken(): string {
  return `kzk_${randomSecret()}`;
}

/** A short public id for a token (what `tokens list` shows and `tokens revoke` takes). */
export function newTokenId(): string {
  return `tok_${randomBytes(6).toString('hex')}`;
}

/** A password for the first admin: 24 characters of base64url (144 bits). */
export function newInitialPassword(): string {
  return randomBytes(18).toString('base64url');
}
