import './import-export.css';
import { useEffect, useState } from 'react';
import { playgroundStore } from '../../store/usePlaygroundStore';

type Status =
  { kind: 'idle' } | { kind: 'copied'; withheld: string[] } | { kind: 'failed'; message: string };

/** How long "Link copied" stays; a note about what was left out stays longer, to be read. */
const SHOWN_MS = { plain: 1500, withNote: 10_000 };

/**
 * Copies a link that opens this page with the request proposed (the page asks before it changes
 * anything). The request rides in the URL fragment, which browsers never send to a server; it
 * holds no keys and no credential header or URL credential (store/requestSnapshot.ts).
 */
export function ShareLinkButton() {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    if (status.kind === 'idle') return;
    const long = status.kind === 'failed' || status.withheld.length > 0;
    const timer = setTimeout(
      () => setStatus({ kind: 'idle' }),
      long ? SHOWN_MS.withNote : SHOWN_MS.plain,
    );
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    // The link's encoder loads at the first click: most visits share nothing.
    let createShareLink: typeof import('../../store/shareLink').createShareLink;
    try {
      ({ createShareLink } = await import('../../store/shareLink'));
    } catch {
      setStatus({ kind: 'failed', message: 'Could not load the link maker: reload the page' });
      return;
    }
    // Read at the click, not subscribed: the link would otherwise be rebuilt on every keystroke.
    const link = createShareLink(playgroundStore.getState());
    if (!link.ok) {
      setStatus({ kind: 'failed', message: link.error });
      return;
    }
    const { origin, pathname, search } = window.location;
    if (!navigator.clipboard) {
      setStatus({ kind: 'failed', message: 'No clipboard' });
      return;
    }
    navigator.clipboard.writeText(origin + pathname + search + link.fragment).then(
      () => setStatus({ kind: 'copied', withheld: link.withheld }),
      () => setStatus({ kind: 'failed', message: 'No clipboard' }),
    );
  };

  return (
    <span className="share-link">
      <span aria-live="polite" className="muted">
        {status.kind === 'copied'
          ? status.withheld.length === 0
            ? 'Link copied'
            : `Link copied, without ${status.withheld.join(', ')}: they carry credentials.`
          : status.kind === 'failed'
            ? status.message
            : ''}
      </span>
      <button
        type="button"
        className="small-button"
        onClick={() => void copy()}
        title="A link to this request: method, URL, headers, body up to 8 KiB, scope and options. Never the keys, nor the value of a credential header (Authorization, Cookie, API keys, tokens) or a credential in the URL."
      >
        Copy share link
      </button>
    </span>
  );
}
