import './import-export.css';
import { useMemo, useState } from 'react';
import { buildExports, withheldExportHeaders, type ExportId } from '../../exporting/exports';
import type { SigningInput, SigningResult } from '../../signing';
import { Checkbox } from '../../components/ui/Checkbox';
import { CopyButton } from '../../components/ui/CopyButton';
import { TabList } from '../../components/ui/TabList';

interface ExportSnippetsProps {
  input: SigningInput;
  result: SigningResult;
}

/** The shown signing as code: one tab per snippet, each with its Copy button. */
export function ExportSnippets({ input, result }: ExportSnippetsProps) {
  const [inlineSecret, setInlineSecret] = useState(false);
  const [selected, setSelected] = useState<ExportId>('curl-signed');
  const { snippets, withheld } = useMemo(() => {
    const context = { signed: result, input, signedAt: input.signingDate, inlineSecret };
    return { snippets: buildExports(context), withheld: withheldExportHeaders(context) };
  }, [result, input, inlineSecret]);
  const shown = snippets.find((snippet) => snippet.id === selected) ?? snippets[0];

  return (
    <div className="export">
      <TabList
        label="Export formats"
        className="export-tabs"
        items={snippets}
        selected={shown?.id ?? selected}
        onSelect={setSelected}
        idPrefix="export"
        panelId="export-panel"
      />
      <Checkbox checked={inlineSecret} onChange={setInlineSecret}>
        Include the secret key, session token and credential headers in the code
      </Checkbox>
      {inlineSecret && (
        <p className="warning-box" role="note">
          The code now holds your secret key (and session token, and the values of credential
          headers such as Cookie or X-Api-Key): anyone who sees it can act as you. Do not paste it
          into chats, tickets or repositories.
        </p>
      )}
      {withheld.length > 0 && (
        <p className="hint" aria-label="Left out of the code">
          Left out of the code, as they carry credentials:{' '}
          {withheld.map(({ name, variable }) => `${name} (read from $${variable})`).join(', ')}.
        </p>
      )}
      {shown !== undefined && (
        <div
          role="tabpanel"
          id="export-panel"
          aria-labelledby={`export-tab-${shown.id}`}
          className="export-panel"
        >
          <div className="section-head">
            <span className="muted">{shown.language}</span>
            <CopyButton text={shown.code} what={`${shown.title} code`} />
          </div>
          {shown.note !== undefined && <p className="hint">{shown.note}</p>}
          {/* Plain text, not the artifacts' visible-whitespace view: this is code to read and run.
              It scrolls both ways, so it is a Tab stop: the arrow keys scroll it. */}
          <pre
            className="export-code"
            tabIndex={0}
            role="region"
            aria-label={`${shown.title} code`}
          >
            {shown.code}
          </pre>
        </div>
      )}
    </div>
  );
}
