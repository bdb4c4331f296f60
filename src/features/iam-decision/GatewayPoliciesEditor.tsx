// The running local gateway's identities, roles and resource policy, each policy editable as JSON:
// checked as you type by the gateway's own validator (line, column and reason), applied at once
// with Apply. Edits live in the running gateway only: the configuration file is not written,
// so the page offers the JSON to copy or download. After "Why was this denied?" it selects the
// statement to change and offers a statement that allows exactly the refused request.
import './iam-decision.css';
import { useEffect, useRef, useState } from 'react';
import { CopyButton } from '../../components/ui/CopyButton';
import { downloadFile } from '../../components/ui/downloadFile';
import {
  describeProblem,
  targetKey,
  type GatewayPoliciesView,
  type GatewayPolicyEntry,
  type PolicyTextProblem,
} from '../../diagnosis/gatewayPolicies';
import { withStatement } from '../../diagnosis/suggestStatement';
import { useGatewayPoliciesFocus } from '../../store/gatewayPoliciesFocus';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { loadGatewayPolicies, sendPolicyEdit } from './gatewayPoliciesClient';
import { statementRange } from './statementRange';

/** How long typing pauses before the text is checked. */
const CHECK_DELAY_MS = 300;

type Check =
  | { state: 'unchanged' | 'checking' | 'valid' }
  | { state: 'invalid'; problems: PolicyTextProblem[]; message?: string };

function labelOf({ target }: GatewayPolicyEntry): string {
  switch (target.kind) {
    case 'resource':
      return 'API resource policy';
    case 'identity':
      return `Identity ${target.name}`;
    case 'role':
      return `Role ${target.name}`;
    case 'trust':
      return `Role ${target.name}: who may assume it (trust policy)`;
  }
}

export function GatewayPoliciesEditor() {
  const [view, setView] = useState<GatewayPoliciesView>();
  const [loadProblem, setLoadProblem] = useState<string>();
  useEffect(() => {
    let live = true;
    void loadGatewayPolicies().then((loaded) => {
      if (!live) return;
      if (loaded.ok) setView(loaded.value);
      else setLoadProblem(loaded.message);
    });
    return () => {
      live = false;
    };
  }, []);
  if (loadProblem !== undefined) return <p className="hint">{loadProblem}</p>;
  if (view === undefined) return <p className="hint">Asking the local gateway…</p>;
  return <PoliciesForm view={view} onView={setView} />;
}

function PoliciesForm({
  view,
  onView,
}: {
  view: GatewayPoliciesView;
  onView: (view: GatewayPoliciesView) => void;
}) {
  const focus = useGatewayPoliciesFocus((state) => state.focus);
  const asked = useGatewayPoliciesFocus((state) => state.asked);
  const send = usePlaygroundStore((s) => s.response.send);
  const [selected, setSelected] = useState(
    () => focus?.target ?? targetKey(view.policies[0]!.target),
  );
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [check, setCheck] = useState<Check>({ state: 'unchanged' });
  const [status, setStatus] = useState<string>();
  const editor = useRef<HTMLTextAreaElement>(null);
  const checkTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // A new "Why was this denied?" chooses its policy (an event from outside this form).
  const [seenAsk, setSeenAsk] = useState(asked);
  if (seenAsk !== asked) {
    setSeenAsk(asked);
    if (focus !== undefined) setSelected(focus.target);
  }

  const entry =
    view.policies.find((candidate) => targetKey(candidate.target) === selected) ??
    view.policies[0]!;
  const key = targetKey(entry.target);
  const text = drafts[key] ?? entry.text;
  const focused = focus !== undefined && focus.target === key ? focus : undefined;

  // Select the statement to change, once per request to show it.
  useEffect(() => {
    const area = editor.current;
    if (area === null || focused?.statement === undefined) return;
    const range = statementRange(area.value, focused.statement);
    area.focus();
    if (range !== undefined) area.setSelectionRange(range.start, range.end);
    // Only when asked again, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asked, key]);

  useEffect(() => () => clearTimeout(checkTimer.current), []);

  function edit(next: string) {
    setDrafts((current) => ({ ...current, [key]: next }));
    setStatus(undefined);
    setCheck({ state: 'checking' });
    clearTimeout(checkTimer.current);
    checkTimer.current = setTimeout(() => {
      void sendPolicyEdit({ target: entry.target, text: next, dryRun: true }).then((answer) => {
        if (!answer.ok) setCheck({ state: 'invalid', problems: [], message: answer.message });
        else if (answer.value.ok) setCheck({ state: 'valid' });
        else setCheck({ state: 'invalid', problems: answer.value.problems });
      });
    }, CHECK_DELAY_MS);
  }

  async function apply(policyText: string) {
    clearTimeout(checkTimer.current);
    const answer = await sendPolicyEdit({ target: entry.target, text: policyText });
    if (!answer.ok) {
      setStatus(answer.message);
      return;
    }
    if (!answer.value.ok) {
      setCheck({ state: 'invalid', problems: answer.value.problems });
      setStatus(answer.value.message);
      return;
    }
    onView(answer.value.view);
    setDrafts((current) => {
      const rest = { ...current };
      delete rest[key];
      return rest;
    });
    setCheck({ state: 'unchanged' });
    setStatus(
      `Applied: the running gateway decides the next request under this policy. It is not written to ${view.configFile ?? 'the configuration file'}: copy or download the JSON to keep it.`,
    );
  }

  const suggestion = focused?.suggestion;
  const suggested =
    suggestion === undefined ? undefined : withStatement(text, suggestion.statement);

  return (
    <div className="gateway-policies-form">
      <p className="hint">
        The local gateway’s identities, roles and resource policy (never their secret keys). Apply
        changes the running gateway at once; nothing is written to{' '}
        {view.configFile === null ? 'the bundled configuration' : <code>{view.configFile}</code>}.
      </p>
      <label>
        Policy{' '}
        <select value={key} onChange={(event) => setSelected(event.target.value)}>
          {view.policies.map((candidate) => (
            <option key={targetKey(candidate.target)} value={targetKey(candidate.target)}>
              {labelOf(candidate)}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">
        <code>{entry.arn}</code>
        {entry.accessKeyId !== undefined && (
          <>
            {' '}
            · access key <code>{entry.accessKeyId}</code>
          </>
        )}
      </p>
      {entry.target.kind === 'role' && (
        <p className="hint">
          Sessions already issued for this role keep the policy they were issued with: assume the
          role again after Apply.
        </p>
      )}
      {entry.target.kind === 'trust' && (
        <p className="hint">
          The local STS asks it on each AssumeRole; sessions already issued stay valid until they
          expire.
        </p>
      )}
      {focused?.statement !== undefined && (
        <p className="callout">
          Statement {focused.statement} of this policy is the one to change for this request
          (selected below), or add the suggested statement.
        </p>
      )}
      <textarea
        ref={editor}
        aria-label="Policy JSON"
        spellCheck={false}
        value={text}
        placeholder={entry.target.kind === 'resource' ? 'No resource policy' : undefined}
        onChange={(event) => edit(event.target.value)}
      />
      <div role="status" aria-label="Policy check">
        {check.state === 'checking' && <p className="hint">Checking…</p>}
        {check.state === 'valid' && <p className="hint">Valid policy (not applied yet).</p>}
        {check.state === 'invalid' && (
          <ul className="gateway-policies-problems">
            {check.message !== undefined && <li>{check.message}</li>}
            {check.problems.map((problem, i) => (
              <li key={i}>{describeProblem(problem)}</li>
            ))}
          </ul>
        )}
      </div>
      <p className="button-row">
        <button type="button" onClick={() => void apply(text)}>
          Apply
        </button>{' '}
        <CopyButton text={text} what="policy JSON">
          Copy JSON
        </CopyButton>{' '}
        <button
          type="button"
          onClick={() =>
            downloadFile(`${key.replace(':', '-')}-policy.json`, text, 'application/json')
          }
        >
          Download JSON
        </button>{' '}
        <button type="button" onClick={() => void send()}>
          Try again
        </button>
      </p>
      {status !== undefined && (
        <p className="callout" role="status">
          {status}
        </p>
      )}
      {suggestion !== undefined && (
        <section aria-label="Suggested statement" className="iam-suggestion">
          <h3>Suggested statement</h3>
          <p className="hint">
            Allows exactly the refused request: the action{' '}
            <code>{suggestion.statement.Action}</code> on{' '}
            <code>{suggestion.statement.Resource}</code>, no wider.
            {suggestion.caveat !== undefined && ` ${suggestion.caveat}`}
          </p>
          <pre>
            <code>{JSON.stringify(suggestion.statement, null, 2)}</code>
          </pre>
          {suggested === undefined ? (
            <p className="hint">The policy text is not valid JSON: add the statement by hand.</p>
          ) : (
            <button
              type="button"
              onClick={() => {
                setDrafts((current) => ({ ...current, [key]: suggested }));
                void apply(suggested);
              }}
            >
              Apply suggestion
            </button>
          )}
        </section>
      )}
    </div>
  );
}
