// Parts of the first view its signature does not need: their code is not in the first script.
// The page loads them before it draws or adopts the first view (main.tsx), and so does the server
// before rendering it (renderFirstView.tsx), so both render them whole, alike: a part still
// loading while the page adopted the server's markup would sit there unadopted, and a click on it
// would be lost.
import { preloadable } from '../components/ui/preloadable';

export const signingOptionsPanel = preloadable(() =>
  import('../features/signing-options/SigningOptionsPanel').then(
    (module) => module.SigningOptionsPanel,
  ),
);
export const responsePanel = preloadable(() =>
  import('../features/send-response/ResponsePanel').then((module) => module.ResponsePanel),
);
export const shareLinkButton = preloadable(() =>
  import('../features/import-export/ShareLinkButton').then((module) => module.ShareLinkButton),
);

/** Loads every part above (once); resolves when each has loaded or failed. */
export function loadFirstViewPanels(): Promise<void> {
  return Promise.all([
    signingOptionsPanel.preload(),
    responsePanel.preload(),
    shareLinkButton.preload(),
  ]).then(() => undefined);
}
