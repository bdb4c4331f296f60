import { formatAmzDate } from './amzDate';

export interface AmzDate {
  /** ISO 8601 basic format, UTC: YYYYMMDDTHHMMSSZ (X-Amz-Date, line 2 of the string to sign). */
  amzDate: string;
  /** YYYYMMDD: the date of the credential scope and the data of the first HMAC. */
  dateStamp: string;
}

/** Formats the caller's signing instant; throws only for an invalid Date (a programmer error). */
let lastTime = NaN;
let lastAmzDate: AmzDate = { amzDate: '', dateStamp: '' };

export function getAmzDate(date: Date): AmzDate {
  const time = date.getTime();
  if (time === lastTime) return lastAmzDate;
  if (Number.isNaN(time)) {
    throw new TypeError(
      'signingDate is an invalid Date: parse and validate the signing time before calling signRequest.',
    );
  }
  const amzDate = formatAmzDate(time);
  const dateStamp = amzDate.slice(0, amzDate.indexOf('T'));
  lastTime = time;
  lastAmzDate = Object.freeze({ amzDate, dateStamp });
  return lastAmzDate;
}
