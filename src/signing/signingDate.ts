import { formatAmzDate } from './amzDate';

export interface AmzDate {
  /** ISO 8601 basic format, UTC: YYYYMMDDTHHMMSSZ (X-Amz-Date, line 2 of the string to sign). */
  amzDate: string;
  /** YYYYMMDD: the date of the credential scope and the data of the first HMAC. */
  dateStamp: string;
}

/**
 * Formats the caller's signing instant; throws only for an invalid Date (a programmer error).
 * createSigner keeps the last one: each keystroke of a fixed signing time signs at one instant.
 */
export function getAmzDate(date: Date): AmzDate {
  const time = date.getTime();
  if (Number.isNaN(time)) {
    throw new TypeError(
      'signingDate is an invalid Date: parse and validate the signing time before calling signRequest.',
    );
  }
  const amzDate = formatAmzDate(time);
  return Object.freeze({ amzDate, dateStamp: amzDate.slice(0, amzDate.indexOf('T')) });
}
