/** Validators for single client field values; each throws a ValidationError naming the field. */
import { ValidationError } from '../../errors.js';

const e164 = /^\+[1-9]\d{6,14}$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// C0 controls other than tab, line feed and carriage return, and DEL; PostgreSQL cannot store NUL.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function text(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'expected a string');
  if (controlCharacter.test(value)) {
    throw new ValidationError(field, 'must not contain control characters');
  }
  const trimmed = value.trim();
  if (trimmed === '') throw new ValidationError(field, 'must not be empty');
  if (trimmed.length > max) throw new ValidationError(field, `must be at most ${max} characters`);
  return trimmed;
}

const isBlank = (value: unknown) => typeof value === 'string' && value.trim() === '';

/** Like text(), but null or a blank string clears the field. */
export function optionalText(field: string, value: unknown, max: number): string | null {
  if (value === null || isBlank(value)) return null;
  return text(field, value, max);
}

export function phoneNumber(field: string, value: unknown): string {
  const trimmed = text(field, value, 16);
  if (!e164.test(trimmed)) {
    throw new ValidationError(
      field,
      `${JSON.stringify(trimmed)} is not an E.164 number like +19735551234`,
    );
  }
  return trimmed;
}

export function optionalPhoneNumber(field: string, value: unknown): string | null {
  return value === null || isBlank(value) ? null : phoneNumber(field, value);
}

/** Comma-separated E.164 numbers, stored normalised ("+1…,+1…"); empty clears. */
export function phoneNumberList(field: string, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw new ValidationError(field, 'expected a string');
  const numbers = value
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (numbers.length > 200) throw new ValidationError(field, 'at most 200 numbers');
  for (const n of numbers) {
    if (!e164.test(n))
      throw new ValidationError(field, `${JSON.stringify(n)} is not an E.164 number`);
  }
  return numbers.length === 0 ? null : [...new Set(numbers)].join(',');
}

export function emailAddress(field: string, value: unknown): string | null {
  if (value === null || isBlank(value)) return null;
  const trimmed = text(field, value, 254);
  if (!email.test(trimmed))
    throw new ValidationError(field, `${JSON.stringify(trimmed)} is not an email address`);
  return trimmed;
}

export function flag(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ValidationError(field, 'expected true or false');
  return value;
}

export function wholeNumber(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ValidationError(field, 'expected an integer');
  }
  if (value < min || value > max)
    throw new ValidationError(field, `must be between ${min} and ${max}`);
  return value;
}

export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) {
    throw new ValidationError(field, `must be one of ${allowed.join(', ')}`);
  }
  return found;
}

export function timeZone(field: string, value: unknown): string {
  const name = text(field, value, 64);
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new ValidationError(field, `${JSON.stringify(name)} is not an IANA time zone`);
  }
}
