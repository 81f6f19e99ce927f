// Secrets the server hands out, and how it stores them. Session tokens are
// 256 random bits (base64url) and invitation codes 80 random bits (Crockford
// base32, shown as four groups of four, easy to read aloud or type). The
// database keeps only their SHA-256, so a copy of it opens nothing.
// Invariants: codes are compared in a normal form (uppercase, no dashes or
// spaces, O read as 0, I and L as 1), so a typed code matches the shown one.
import { createHash, randomBytes } from 'node:crypto';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh invitation code like "7KQ4-M2XD-9PRT-H3CB" (80 random bits). */
export function newInvitationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += crockford[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return code.match(/.{4}/g)?.join('-') ?? code;
}

export function normalizeInvitationCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function invitationCodeHash(typed: string): string {
  return sha256Hex(`invitation:${normalizeInvitationCode(typed)}`);
}

export function sessionTokenHash(token: string): string {
  return sha256Hex(`session:${token}`);
}
