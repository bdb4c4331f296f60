// The file name "Save response" offers: the server's own (Content-Disposition), else the last
// segment of the URL's path, with an extension from the Content-Type when it has none; made safe
// for any file system (no path, no control or reserved characters, no device names).
import { mediaType } from './readBody';

const EXTENSIONS: Record<string, string> = {
  'application/json': 'json',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/csv': 'csv',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/gzip': 'gz',
  'application/octet-stream': 'bin',
};

/** The extension for a media type ("json" for application/problem+json), '' when unknown. */
export function extensionFor(contentType: string | undefined): string {
  const type = mediaType(contentType);
  if (EXTENSIONS[type] !== undefined) return EXTENSIONS[type];
  if (type.endsWith('+json')) return 'json';
  if (type.endsWith('+xml')) return 'xml';
  if (type.startsWith('text/')) return 'txt';
  return '';
}

/** The file name in a Content-Disposition header: filename* (RFC 6266/5987) before filename. */
export function dispositionFileName(disposition: string | undefined): string | undefined {
  if (disposition === undefined) return undefined;
  const extended = /filename\*\s*=\s*([\w!#$%&+^`{}~-]+)'[^']*'([^;\s]+)/i.exec(disposition);
  if (extended !== null) {
    try {
      return decodeURIComponent(extended[2]!);
    } catch {
      // A malformed %-sequence: fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(disposition);
  if (plain === null) return undefined;
  return plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2];
}

/** The last non-empty segment of a URL's path, %-decoded when it can be. */
function lastPathSegment(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  const segment =
    path
      .split('/')
      .filter((part) => part !== '')
      .pop() ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const WINDOWS_DEVICES = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const MAX_NAME_LENGTH = 120;

/** A name every file system takes: no directories, controls or reserved characters. */
export function sanitizeFileName(name: string): string {
  let safe = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (WINDOWS_DEVICES.test(safe)) safe = `_${safe}`;
  if (safe.length > MAX_NAME_LENGTH) {
    const dot = safe.lastIndexOf('.');
    const extension = dot > 0 && safe.length - dot <= 10 ? safe.slice(dot) : '';
    safe = safe.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
  }
  return safe;
}

export function responseFileName(answer: {
  url: string;
  contentType: string | undefined;
  contentDisposition: string | undefined;
}): string {
  const fromServer = sanitizeFileName(dispositionFileName(answer.contentDisposition) ?? '');
  if (fromServer !== '') return fromServer;
  const extension = extensionFor(answer.contentType);
  const base = sanitizeFileName(lastPathSegment(answer.url)) || 'response';
  return /\.[A-Za-z0-9]{1,8}$/.test(base) || extension === '' ? base : `${base}.${extension}`;
}
