import { useEffect, useState } from 'react';
import { shareFragmentFor } from '../store/shareLink';
import { playgroundStore } from '../store/usePlaygroundStore';

/**
 * Copies a link that opens this page with the request filled in. The request rides in the URL
 * fragment, which browsers never send to a server; it holds no keys (store/requestSnapshot.ts).
 */
export function ShareLinkButton() {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 1500);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = () => {
    // Read at the click, not subscribed: the link would otherwise be rebuilt on every keystroke.
    const { origin, pathname, search } = window.location;
    const link = origin + pathname + search + shareFragmentFor(playgroundStore.getState());
    if (!navigator.clipboard) {
      setStatus('failed');
      return;
    }
    navigator.clipboard.writeText(link).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );
  };

  return (
    <span className="share-link">
      <span aria-live="polite" className="muted">
        {status === 'copied' ? 'Link copied' : status === 'failed' ? 'No clipboard' : ''}
      </span>
      <button
        type="button"
        className="small-button"
        onClick={copy}
        title="A link to this request: method, URL, headers, body up to 8 KiB, scope and options. Never the keys."
      >
        Copy share link
      </button>
    </span>
  );
}
