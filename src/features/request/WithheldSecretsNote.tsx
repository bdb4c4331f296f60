import { withheldHeaderNames } from '../../request/credentialFields';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

const list = (names: readonly string[]) =>
  names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;

/**
 * Says which credential values a reload, a history entry or a share link left out
 * (request/credentialFields.ts), so the user knows what to paste again before sending.
 */
export function WithheldSecretsNote() {
  const headers = usePlaygroundStore((s) => s.request.headers);
  const fromUrl = usePlaygroundStore((s) => s.request.withheldFromUrl);
  // A name once, however many rows: "the Authorization headers" says it.
  const names = [...new Set(withheldHeaderNames(headers))];
  if (names.length === 0 && fromUrl.length === 0) return null;
  const parts = [
    ...(names.length > 0
      ? [`the value of the ${list(names)} header${names.length === 1 ? '' : 's'}`]
      : []),
    ...(fromUrl.length > 0 ? [`${list(fromUrl)} in the URL`] : []),
  ];
  const them = names.length + fromUrl.length === 1 ? 'it' : 'them';
  return (
    <div className="warning-box" role="note" aria-label="Credentials not kept">
      <p>
        Not kept, as {them === 'it' ? 'it carries a credential' : 'they carry credentials'}:{' '}
        {parts.join('; ')}. Paste {them} again to send {them}: the page never stores credentials in
        the request, not even in the vault.
      </p>
    </div>
  );
}
