import { lazy, Suspense, useEffect, useState } from 'react';
import { loadPlaygroundConfig } from '../request/defaults';
import { loadCollectionsLogic } from '../store/collectionsSlice';
import { firstPaintDone, isFirstPaintDone } from '../store/firstPaint';
import { SHARE_PREFIX } from '../store/sharePrefix';
import { signingCaughtUp } from '../store/signingSlice';
import { collectionsRead, pageHasRead } from '../store/readAfterFirstPaint';
import { adoptedFirstView, usePlaygroundStore } from '../store/usePlaygroundStore';
import { BodyEditor } from '../features/request/BodyEditor';
import { CredentialsPanel } from '../features/credentials/CredentialsPanel';
import { EnvironmentPicker } from '../features/environments/EnvironmentPicker';
import { EnvironmentsPanel } from '../features/environments/EnvironmentsPanel';
import { HeadersTable } from '../features/request/HeadersTable';
import { ImportPanel } from '../features/import-export/ImportPanel';
import { LocalGatewayNote } from './LocalGatewayNote';
import { MethodUrlFields } from '../features/request/MethodUrlFields';
import { lazyAfterFirstPaint } from '../components/ui/lazyAfterFirstPaint';
import { Panel } from '../components/ui/Panel';
import { PanelBoundary } from '../components/ui/PanelBoundary';
import { QueryParamsTable } from '../features/request/QueryParamsTable';
import { ResponsePanel } from '../features/send-response/ResponsePanel';
import { GatewayPoliciesMount } from '../features/iam-decision/GatewayPoliciesMount';
import { ScopeFields } from '../features/request/ScopeFields';
import { SendBarSlot } from '../features/send-response/SendBarSlot';
import { ShareLinkButton } from '../features/import-export/ShareLinkButton';
import { PasteErrorPanel } from '../features/diagnose/PasteErrorPanel';
import { SigningOptionsPanel } from '../features/signing-options/SigningOptionsPanel';
import { TabBarSlot } from '../features/tabs/TabBarSlot';
import { AwsDocsLink, SigningSteps } from '../features/signing-steps/SigningSteps';
import { useSendShortcut } from '../features/send-response/useSendShortcut';
import { ReservedPlace } from '../components/ui/ReservedPlace';
import { lazyInFirstView } from '../components/ui/lazyInFirstView';
// Check a signature is painted with the first view, before its code loads: its rules come with the
// page's first stylesheet, not with its code, or it would grow once they arrived.
import '../features/diagnose/checkSignature.css';
// So do the rules of the panels that load after the first paint: the first view keeps their
// places with a hidden copy of each (lazyAfterFirstPaint), which takes their height only laid out
// with their rules.
import '../features/collections/collections.css';
import '../features/history/history.css';
import '../features/identity/identity.css';
import '../features/vault/vault.css';

// A share link's prompt (its decoder and review of the request) loads only when the page is
// opened with one or one arrives (hashchange): most visits have none.
const SharedRequestPrompt = lazy(() =>
  import('../features/import-export/SharedRequestPrompt').then((module) => ({
    default: module.SharedRequestPrompt,
  })),
);
const CheckSignaturePanel = lazyInFirstView(() =>
  import('../features/diagnose/CheckSignaturePanel').then((module) => ({
    default: module.CheckSignaturePanel,
  })),
);

// What the first signature does not need loads once it is painted (lazyAfterFirstPaint): the
// collections (read from IndexedDB only then), the history of sends, and the identity's STS calls.
// The collections' panels call the store's collection actions: its logic loads with them. The
// collections' panel comes once they are read, as it first shows them (readAfterFirstPaint.ts).
const CollectionsPanel = lazyAfterFirstPaint(() =>
  Promise.all([
    import('../features/collections/CollectionsPanel'),
    loadCollectionsLogic(),
    pageHasRead(collectionsRead),
  ]).then(([module]) => module.CollectionsPanel),
);
const SaveRequestBar = lazyAfterFirstPaint(() =>
  Promise.all([import('../features/collections/SaveRequestBar'), loadCollectionsLogic()]).then(
    ([module]) => module.SaveRequestBar,
  ),
);
const HistoryPanel = lazyAfterFirstPaint(() =>
  import('../features/history/HistoryPanel').then((module) => module.HistoryPanel),
);
const IdentityPanel = lazyAfterFirstPaint(() =>
  import('../features/identity/IdentityPanel').then((module) => module.IdentityPanel),
);
// Says which credentials a reload or a link left out: never on a first visit.
const WithheldSecretsNote = lazyAfterFirstPaint(
  () =>
    import('../features/request/WithheldSecretsNote').then((module) => module.WithheldSecretsNote),
  false,
);

const hasShareLink = () => window.location.hash.startsWith(SHARE_PREFIX);

/** Where the shared-request prompt goes: empty, without loading it, until there is a share link. */
function SharedRequestSlot() {
  // Looked at in an effect, not during render: the first view may be rendered on the server
  // (renderFirstView.tsx), which has no location, and hydration needs the same first render here.
  const [linked, setLinked] = useState(false);
  useEffect(() => {
    if (linked) return;
    const onHashChange = () => setLinked(hasShareLink());
    onHashChange();
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [linked]);
  if (!linked) return null;
  return (
    <Suspense fallback={null}>
      <SharedRequestPrompt />
    </Suspense>
  );
}

/**
 * Tells the store the first signature is painted (firstPaint.ts), so what waited for it (reading
 * IndexedDB, loading zod) starts: once the signing has settled (a signature, an error, or a
 * reason not to sign), requestAnimationFrame runs just before the frame that shows it and the
 * timeout just after that frame is painted. Waiting for the first commit alone was not enough: on
 * a busy machine React can commit "Signing…" first, and the IndexedDB work then delayed the
 * signature's own commit. A page opened in the background paints no frame until shown: the
 * fallback timer starts the loads anyway.
 */
function FirstSignatureSignal() {
  // A component of its own that renders nothing: whether the signing has caught up flips with
  // every keystroke, and the page must not render again for it (App did, twice per keystroke).
  // Once the first paint is done the answer stays true.
  const settled = usePlaygroundStore((s) => isFirstPaintDone() || signingCaughtUp(s));
  useEffect(() => {
    if (!settled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(firstPaintDone, 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [settled]);
  useEffect(() => {
    const fallback = setTimeout(firstPaintDone, 2_000);
    return () => clearTimeout(fallback);
  }, []);
  return null;
}

/** The playground: inputs on the left; the response and every signing step on the right. */
export function App() {
  const applyPlaygroundConfig = usePlaygroundStore((s) => s.options.applyPlaygroundConfig);
  const connectDisk = usePlaygroundStore((s) => s.collections.connectDisk);
  useSendShortcut();

  useEffect(() => {
    let current = true;
    // A first view from the server brought the config, and the store applied it when created.
    const configured =
      adoptedFirstView !== null
        ? Promise.resolve(adoptedFirstView.config)
        : loadPlaygroundConfig().then((config) => {
            if (current) applyPlaygroundConfig(config);
            return config;
          });
    void configured.then((config) => {
      if (!current) return;
      // The disk client and its validator load only when there is a folder on disk.
      if (config.collectionsDir)
        void import('../store/diskCollectionsSource').then(({ createDiskCollectionsSource }) =>
          connectDisk(createDiskCollectionsSource()),
        );
    });
    return () => {
      current = false;
    };
  }, [applyPlaygroundConfig, connectDisk]);

  return (
    <div className="app">
      <FirstSignatureSignal />
      <header className="app-header">
        <h1>SigV4 Playground</h1>
        <p className="muted">
          Sign AWS Signature Version 4 requests by hand and see every step. Keys stay in this page:
          only the signed request leaves it.
        </p>
      </header>
      <PanelBoundary name="Shared request">
        <SharedRequestSlot />
      </PanelBoundary>
      <main className="layout">
        <div className="column column-inputs">
          <Panel id="gateway" title="Local API Gateway" className="panel-note">
            <LocalGatewayNote />
          </Panel>
          <PanelBoundary name="Import">
            <ImportPanel />
          </PanelBoundary>
          <Panel id="collections" title="Collections">
            <CollectionsPanel fallback={<ReservedPlace panel="collections" />} />
          </Panel>
          <PanelBoundary name="Environments">
            <EnvironmentsPanel />
          </PanelBoundary>
          <PanelBoundary name="Tabs">
            <TabBarSlot />
          </PanelBoundary>
          <Panel id="request" title="Request" aside={<ShareLinkButton />}>
            <SaveRequestBar fallback={<ReservedPlace panel="save-request" quiet />} />
            <EnvironmentPicker />
            <WithheldSecretsNote fallback={null} />
            <MethodUrlFields />
            <ScopeFields />
            <QueryParamsTable />
            <HeadersTable />
            <BodyEditor />
          </Panel>
          <Panel id="credentials" title="Credentials">
            <CredentialsPanel />
          </Panel>
          <Panel id="identity" title="Identity">
            <IdentityPanel fallback={<ReservedPlace panel="identity" />} />
          </Panel>
          <Panel id="options" title="Signing options">
            <SigningOptionsPanel />
          </Panel>
          <PanelBoundary name="Send">
            <SendBarSlot />
          </PanelBoundary>
          <Panel id="history" title="History">
            <HistoryPanel fallback={<ReservedPlace panel="history" />} />
          </Panel>
        </div>
        <div className="column column-results">
          <Panel id="response" title="Response" label="Response" className="panel-response">
            <ResponsePanel />
          </Panel>
          <PanelBoundary name="Paste an AWS error">
            <PasteErrorPanel />
          </PanelBoundary>
          <Panel id="steps" title="Signing steps" label="Signing steps" aside={<AwsDocsLink />}>
            <SigningSteps />
          </Panel>
          <Panel id="check-signature" title="Check a signature">
            <Suspense fallback={<ReservedPlace panel="check-signature" />}>
              <CheckSignaturePanel />
            </Suspense>
          </Panel>
          <PanelBoundary name="Gateway policies">
            <GatewayPoliciesMount />
          </PanelBoundary>
        </div>
      </main>
    </div>
  );
}
