import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot } from 'react-dom/client';
// The page's stylesheets in cascade order: the tokens, the frame, the shared widgets. Each feature's
// components import the feature's own stylesheet, which comes after these; the features' order
// among themselves follows the import graph (the diagnosis tools' arrives last, with their lazily
// loaded code), so no feature's rule may depend on coming after another feature's.
import './app/tokens.css';
import './app/layout.css';
import './components/ui/ui.css';
import { App } from './app/App';
import { Interactive } from './app/Interactive';
import { firstViewPartsLoaded } from './components/ui/lazyInFirstView';
import { RESTORING_ATTRIBUTE } from './store/firstView';
import { whenSigningCaughtUp } from './store/signingSlice';
import { adoptedFirstView, playgroundStore } from './store/usePlaygroundStore';

const container = document.getElementById('root')!;

const app = (
  <StrictMode>
    <Interactive container={container}>
      <App />
    </Interactive>
  </StrictMode>
);

if (adoptedFirstView !== null) {
  // The server's first view (store/firstView.ts): the store signed the same request at the same
  // instant; once that signing is done its state is the markup's, and React adopts the markup,
  // with the code of every part in it (lazyInFirstView), so no part is adopted late.
  void Promise.all([whenSigningCaughtUp(playgroundStore), firstViewPartsLoaded()]).then(() =>
    hydrateRoot(container, app),
  );
} else {
  // No first view (a static host), or one this tab does not adopt (a saved request to restore,
  // or a page from long ago): drawn afresh, and shown (the guard hid it) once drawn.
  container.replaceChildren();
  const root = createRoot(container);
  flushSync(() => root.render(app));
  document.documentElement.removeAttribute(RESTORING_ATTRIBUTE);
}
