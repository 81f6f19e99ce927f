// Passwords: hashed with argon2id at OWASP's recommended cost (19 MiB, two
// passes, one lane), verified in constant time by the library. Invariants: a
// password is never stored or logged, only its hash; checking a sign-in for an
// email that has no account costs the same as for one that has, so timing
// does not tell which emails exist.
import { hash, verify } from '@node-rs/argon2';

/** The library's Algorithm.Argon2id (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

const argon2idOptions = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2idOptions);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash matches nothing.
    return false;
  }
}

let decoyHash: Promise<string> | null = null;

function decoy(): Promise<string> {
  decoyHash ??= hashPassword('decoy password for unknown accounts');
  return decoyHash;
}

/**
 * Makes the decoy's hash ahead of the first sign-in (the server does so as
 * it starts): made on first use, the first unknown email would cost a hash
 * and a verification, and stand out.
 */
export async function prepareDecoy(): Promise<void> {
  await decoy();
}

/** Spends the time of a real verification, for sign-ins with an unknown email. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  await verifyPassword(await decoy(), password);
  return false;
}
