// Small schema builders shared by the protocol and event schemas. Each one
// carries its own plain-words message, so a bad field reads as
// "tempo.holdMs must be between 500 and 5000" rather than a parser's jargon.
import { z } from 'zod';

export function intBetween(min: number, max: number) {
  const message = `must be a whole number between ${min} and ${max}`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
}

export function text(maxLength: number) {
  return z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(maxLength, { error: `must be at most ${maxLength} characters` })
    .refine((value) => !hasControlOrLoneSurrogate(value), {
      error: 'must not contain control characters or broken unicode',
    });
}

/** A few lowercase words said mid-sentence, like "lift" or "ankle squeeze". */
export function lowercaseWords(maxLength: number) {
  return text(maxLength).regex(/^[a-z]+(?:[ -][a-z]+)*$/, {
    error: 'must be lowercase words, like "lift"',
  });
}

export const identifier = z
  .string({ error: 'must be text' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be lowercase letters, digits and single dashes (like "inner-heel")',
  })
  .max(64, { error: 'must be at most 64 characters' });

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

export function listOf<T extends z.ZodType>(item: T, options: { min: number; max: number }) {
  return z
    .array(item, { error: 'must be a list' })
    .min(options.min, {
      error: options.min === 1 ? 'must not be empty' : `must have at least ${options.min} items`,
    })
    .max(options.max, { error: `must have at most ${options.max} items` });
}

// NUL and other C0 controls (except tab and newlines) and unpaired UTF-16
// surrogates cannot be stored the same way by every database we support.
function hasControlOrLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return true;
    }
  }
  return false;
}
