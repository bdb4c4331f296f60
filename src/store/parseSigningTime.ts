import { parseAmzDate } from '../signing';

export type SigningTime =
  | { kind: 'now' }
  | { kind: 'fixed'; date: Date }
  | { kind: 'invalid'; message: string; fix?: string };

const EXTENDED =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(parts: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  offsetMinutes: number;
}): SigningTime {
  const { year, month, day, hour, minute, second } = parts;
  if (month < 1 || month > 12) return { kind: 'invalid', message: `There is no month ${month}.` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return {
      kind: 'invalid',
      message: `${year}-${String(month).padStart(2, '0')} has no day ${day}.`,
    };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { kind: 'invalid', message: 'Hours go to 23, minutes and seconds to 59.' };
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, parts.millis);
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear keeps the year as written.
  const date = new Date(utc);
  date.setUTCFullYear(year);
  return { kind: 'fixed', date: new Date(date.getTime() - parts.offsetMinutes * 60_000) };
}

/**
 * The "Signing time" field: empty means the clock at the moment of sending; otherwise an ISO 8601
 * instant (2015-08-30T12:36:00Z, an offset, or X-Amz-Date's basic 20150830T123600Z).
 */
export function parseSigningTime(text: string): SigningTime {
  const value = text.trim();
  if (value === '') return { kind: 'now' };
  // X-Amz-Date's own form, read as the signing core reads it, so a date copied from a failing
  // request can be pasted back as is (in either case: 20150830t123600z too).
  const amzDate = parseAmzDate(value.toUpperCase());
  if (amzDate !== undefined) return { kind: 'fixed', date: new Date(amzDate) };
  const extended = EXTENDED.exec(value);
  if (!extended) {
    return {
      kind: 'invalid',
      message:
        'Write an ISO 8601 instant such as 2015-08-30T12:36:00Z (or 20150830T123600Z), or leave it empty to use the current time.',
    };
  }
  const zone = extended[8];
  if (zone === undefined) {
    // Without a zone, Date would read the text as local time: the signature would depend on the
    // machine's time zone, which is never what someone reproducing a request wants.
    return {
      kind: 'invalid',
      message: 'Add Z (UTC) or an offset such as +02:00: without one the instant is ambiguous.',
      fix: `${value}Z`,
    };
  }
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (hours > 23 || minutes > 59)
      return { kind: 'invalid', message: `${zone} is not a valid offset.` };
    offsetMinutes = sign * (hours * 60 + minutes);
  }
  const fraction = extended[7] ?? '';
  return build({
    year: Number(extended[1]),
    month: Number(extended[2]),
    day: Number(extended[3]),
    hour: Number(extended[4]),
    minute: Number(extended[5]),
    second: Number(extended[6] ?? 0),
    millis: fraction === '' ? 0 : Math.floor(Number(`0.${fraction}`) * 1000),
    offsetMinutes,
  });
}
