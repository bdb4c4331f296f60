import { useEffect } from 'react';
import { loadPlaygroundConfig } from '../request/defaults';
import { usePlaygroundStore } from '../store/usePlaygroundStore';
import { BodyEditor } from './BodyEditor';
import { CheckSignaturePanel } from './CheckSignaturePanel';
import { CredentialsPanel } from './CredentialsPanel';
import { HeadersTable } from './HeadersTable';
import { LocalGatewayNote } from './LocalGatewayNote';
import { MethodUrlFields } from './MethodUrlFields';
import { Panel } from './Panel';
import { PanelBoundary } from './PanelBoundary';
import { PasteErrorPanel } from './PasteErrorPanel';
import { QueryParamsTable } from './QueryParamsTable';
import { ResponsePanel } from './ResponsePanel';
import { ScopeFields } from './ScopeFields';
import { SendBar } from './SendBar';
import { SigningOptionsPanel } from './SigningOptionsPanel';
import { AwsDocsLink, SigningSteps } from './SigningSteps';
import { useSendShortcut } from './useSendShortcut';

/** The playground: inputs on the left; the response and every signing step on the right. */
export function App() {
  const applyPlaygroundConfig = usePlaygroundStore((s) => s.options.applyPlaygroundConfig);
  useSendShortcut();

  useEffect(() => {
    let current = true;
    void loadPlaygroundConfig().then((config) => {
      if (current) applyPlaygroundConfig(config);
    });
    return () => {
      current = false;
    };
  }, [applyPlaygroundConfig]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>SigV4 Playground</h1>
        <p className="muted">
          Sign AWS Signature Version 4 requests by hand and see every step. Keys stay in this page:
          only the signed request leaves it.
        </p>
      </header>
      <main className="layout">
        <div className="column column-inputs">
          <Panel id="gateway" title="Local API Gateway" className="panel-note">
            <LocalGatewayNote />
          </Panel>
          <Panel id="request" title="Request">
            <MethodUrlFields />
            <ScopeFields />
            <QueryParamsTable />
            <HeadersTable />
            <BodyEditor />
          </Panel>
          <Panel id="credentials" title="Credentials">
            <CredentialsPanel />
          </Panel>
          <Panel id="options" title="Signing options">
            <SigningOptionsPanel />
          </Panel>
          <PanelBoundary name="Send">
            <SendBar />
          </PanelBoundary>
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
            <CheckSignaturePanel />
          </Panel>
        </div>
      </main>
    </div>
  );
}
