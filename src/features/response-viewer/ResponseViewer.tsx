import './response-viewer.css';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { CopyButton } from '../../components/ui/CopyButton';
import { getHeader } from '../../components/ui/bodyText';
import { TabList } from '../../components/ui/TabList';
import type { HttpAnswer } from '../../transport/sendOutcome';
import { HeadersTable } from './HeadersTable';
import { HexView } from './HexView';
import { ImageView } from './ImageView';
import { MAX_TREE_NODES, type JsonTree } from './jsonTree';
import { JsonTreeView } from './JsonTreeView';
import { prettyXml } from './prettyXml';
import type { ShownBody } from './readAnswerBody';
import { responseFileName } from './responseFileName';
import { downloadFile } from '../../components/ui/downloadFile';
import { TextView } from './TextView';
import { useReadAnswer } from './useReadAnswer';

type ViewId = 'pretty' | 'raw' | 'hex' | 'headers';

interface View {
  id: ViewId;
  title: string;
  render: () => ReactNode;
}

/** The body as received, as text. */
const rawView = (text: string): View => ({
  id: 'raw',
  title: 'Raw',
  render: () => <TextView text={text} label="Response body" />,
});

/** The views an answer offers, the most readable first. */
function viewsFor(body: ShownBody | undefined, tree: JsonTree | null, answer: HttpAnswer): View[] {
  const views: View[] = [];
  const hex: View = { id: 'hex', title: 'Hex', render: () => <HexView bytes={answer.body} /> };
  switch (body?.kind) {
    case undefined:
      views.push({
        id: 'pretty',
        title: 'Pretty',
        render: () => <p className="hint">Reading the body…</p>,
      });
      break;
    case 'json':
      views.push({
        id: 'pretty',
        title: 'Pretty',
        render: () =>
          tree !== null ? (
            <JsonTreeView tree={tree} />
          ) : (
            <>
              <p className="hint">
                Over {MAX_TREE_NODES.toLocaleString('en-US')} values: too many for the tree, shown
                as text.
              </p>
              <TextView text={body.text} label="Response body" />
            </>
          ),
      });
      views.push(rawView(body.text));
      views.push(hex);
      break;
    case 'xml':
      views.push({ id: 'pretty', title: 'Pretty', render: () => <XmlView text={body.text} /> });
      views.push(rawView(body.text));
      views.push(hex);
      break;
    case 'image':
      views.push({
        id: 'pretty',
        title: 'Image',
        render: () => <ImageView bytes={answer.body} mimeType={body.mimeType} />,
      });
      views.push(hex);
      break;
    case 'text':
      views.push({
        id: 'raw',
        title: 'Text',
        render: () => (
          <>
            {body.jsonError !== undefined && (
              <p className="hint">Not valid JSON: {body.jsonError}</p>
            )}
            <TextView text={body.text} label="Response body" />
          </>
        ),
      });
      views.push(hex);
      break;
    case 'binary':
      views.push(hex);
      break;
    case 'empty':
      views.push({ id: 'raw', title: 'Body', render: () => <p className="hint">Empty body.</p> });
      break;
  }
  views.push({
    id: 'headers',
    title: `Headers (${answer.headers.length})`,
    render: () => <HeadersTable headers={answer.headers} />,
  });
  return views;
}

function XmlView({ text }: { text: string }) {
  const pretty = useMemo(() => prettyXml(text), [text]);
  return pretty.ok ? (
    <TextView text={pretty.text} label="Response body" />
  ) : (
    <>
      <p className="hint">{pretty.message} Shown as received.</p>
      <TextView text={text} label="Response body" />
    </>
  );
}

/** Each answer gets its own number, so that a new answer starts with fresh view state. */
const answerNumbers = new WeakMap<HttpAnswer, number>();
let lastAnswerNumber = 0;
function answerNumber(answer: HttpAnswer): number {
  let number = answerNumbers.get(answer);
  if (number === undefined) {
    lastAnswerNumber += 1;
    number = lastAnswerNumber;
    answerNumbers.set(answer, number);
  }
  return number;
}

/**
 * The answer's body and headers: views chosen from what the body is (a JSON tree, indented XML,
 * an image, text, a hex dump), each searchable, and Save response. It loads with the first answer,
 * not with the page. It shows only what came back: the request's credentials are never in it.
 */
export function ResponseViewer({ answer, url }: { answer: HttpAnswer; url: string }) {
  const id = useId();
  const contentType = getHeader(answer.headers, 'content-type');
  const read = useReadAnswer(answer.body, contentType);
  const body = read?.body;
  const tree = read?.tree ?? null;
  const views = viewsFor(body, tree, answer);
  // The choice of view outlives the answer (Headers stays Headers on the next Send) when it can.
  const [selected, setSelected] = useState<ViewId>(views[0]!.id);
  const shown = views.find((view) => view.id === selected) ?? views[0]!;

  const save = () => {
    const fileName = responseFileName({
      url,
      contentType,
      contentDisposition: getHeader(answer.headers, 'content-disposition'),
    });
    downloadFile(fileName, answer.body, contentType ?? 'application/octet-stream');
  };
  const text = body !== undefined && 'text' in body ? body.text : undefined;

  return (
    <div className="response-viewer">
      <div className="viewer-head">
        <TabList
          label="Response views"
          className="viewer-tabs"
          items={views}
          selected={shown.id}
          onSelect={setSelected}
          idPrefix={id}
          panelId={`${id}-panel`}
        />
        <div className="step-actions">
          {text !== undefined && text !== '' && <CopyButton text={text} what="response body" />}
          {answer.body.byteLength > 0 && (
            <button type="button" className="small-button" onClick={save}>
              Save response
            </button>
          )}
        </div>
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${shown.id}`}
        className="viewer-panel"
        key={`${answerNumber(answer)}-${shown.id}`}
      >
        {shown.render()}
      </div>
    </div>
  );
}
