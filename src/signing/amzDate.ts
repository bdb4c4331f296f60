// The two timestamp forms on the wire: X-Amz-Date's ISO 8601 basic format (20150830T123600Z),
// which the signer writes and servers read, and the HTTP Date header a server falls back on.

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** An instant (epoch ms) in ISO 8601 basic format, UTC, whole seconds: 20150830T123600Z. */
export function formatAmzDate(time: number): string {
  const date = new Date(time);
  return (
    pad(date.getUTCFullYear(), 4) +
    pad(date.getUTCMonth() + 1, 2) +
    pad(date.getUTCDate(), 2) +
    'T' +
    pad(date.getUTCHours(), 2) +
    pad(date.getUTCMinutes(), 2) +
    pad(date.getUTCSeconds(), 2) +
    'Z'
  );
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * ISO 8601 basic format into epoch ms; undefined for any other text and for a date that does not
 * exist (month 13, February 30, hour 24, second 60): the text must be the instant's own spelling.
 */
export function parseAmzDate(text: string): number | undefined {
  const match = AMZ_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // setUTCFullYear, not Date.UTC, which would read years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second);
  // A field out of range rolls over into the next one (second 60 is the next minute's 00).
  const exists =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return exists ? date.getTime() : undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** RFC 9110's preferred HTTP-date (IMF-fixdate): "Thu, 15 Jan 2026 10:20:30 GMT". */
const IMF_FIXDATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/**
 * An IMF-fixdate Date header in ISO 8601 basic format; undefined for any other text. Date.parse
 * would read far more ('2026', 'Jan 15', '2026-01-15T10:20:30+05:00'), none of which a signer
 * writes, and would roll Feb 30 over to March.
 */
export function httpDateToAmzDate(text: string): string | undefined {
  const match = IMF_FIXDATE.exec(text);
  if (!match) return undefined;
  const [day, monthName, year, hour, minute, second] = match.slice(1) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const month = pad(MONTHS.indexOf(monthName) + 1, 2);
  const amzDate = `${year}${month}${day}T${hour}${minute}${second}Z`;
  return parseAmzDate(amzDate) === undefined ? undefined : amzDate;
}
