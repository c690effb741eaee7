/** Business hours per weekday, used by `after_hours_only`. A day without hours is closed. */
import { ValidationError } from '../../errors.js';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export interface DayHours {
  open: string;
  close: string;
}

export type BusinessHours = Partial<Record<Weekday, DayHours | null>>;

const nineToFive = { open: '09:00', close: '17:00' };

export const defaultBusinessHours: Record<Weekday, DayHours | null> = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
  sat: null,
  sun: null,
};

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function dayHours(field: string, value: unknown): DayHours | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(field, 'expected {"open": "HH:MM", "close": "HH:MM"} or null');
  }
  const { open, close } = value as Record<string, unknown>;
  for (const [name, time] of [
    ['open', open],
    ['close', close],
  ] as const) {
    if (typeof time !== 'string' || !clockTime.test(time)) {
      throw new ValidationError(`${field}.${name}`, 'expected a 24-hour time HH:MM');
    }
  }
  if ((open as string) >= (close as string)) {
    throw new ValidationError(field, 'open must be before close');
  }
  return { open: open as string, close: close as string };
}

/** Validates a whole week; every day not given is closed. */
export function parseBusinessHours(
  field: string,
  value: unknown,
): Record<Weekday, DayHours | null> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(field, 'expected an object keyed by weekday (mon … sun)');
  }
  const given = value as Record<string, unknown>;
  const unknownDay = Object.keys(given).find(
    (day) => !(weekdays as readonly string[]).includes(day),
  );
  if (unknownDay !== undefined) {
    throw new ValidationError(
      `${field}.${unknownDay}`,
      'not a weekday; use mon, tue, wed, thu, fri, sat, sun',
    );
  }
  return Object.fromEntries(
    weekdays.map((day) => [day, dayHours(`${field}.${day}`, given[day])]),
  ) as Record<Weekday, DayHours | null>;
}

export function storedBusinessHours(json: string): Record<Weekday, DayHours | null> {
  return { ...defaultBusinessHours, ...(JSON.parse(json) as BusinessHours) };
}
