export interface AmzDate {
  /** ISO 8601 basic format, UTC: YYYYMMDDTHHMMSSZ (X-Amz-Date, line 2 of the string to sign). */
  amzDate: string;
  /** YYYYMMDD: the date of the credential scope and the data of the first HMAC. */
  dateStamp: string;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

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
  const dateStamp =
    pad(date.getUTCFullYear(), 4) + pad(date.getUTCMonth() + 1, 2) + pad(date.getUTCDate(), 2);
  const amzDate =
    `${dateStamp}T` +
    pad(date.getUTCHours(), 2) +
    pad(date.getUTCMinutes(), 2) +
    pad(date.getUTCSeconds(), 2) +
    'Z';
  lastTime = time;
  lastAmzDate = Object.freeze({ amzDate, dateStamp });
  return lastAmzDate;
}
