import { getHostHeaderMismatches, type SigningResult } from '../../signing';
import type { OutgoingRequest, TransportMode } from '../../transport/sendRequest';
import { binaryBodyNote } from '../../exporting/requestText';
import { VisibleText } from '../../components/ui/VisibleText';

/** Above this, the body is one plain text node: a row per line would be thousands of nodes. */
const LARGE_TEXT = 20_000;

interface RequestToSendProps {
  request: OutgoingRequest;
  result: SigningResult;
  transport: TransportMode;
  bodyFileName: string | undefined;
}

/**
 * Method, URL, every header that goes on the wire (each marked signed or not) and the body: the
 * same text the Copy button copies.
 */
export function RequestToSend({ request, result, transport, bodyFileName }: RequestToSendProps) {
  const signed = new Set(result.signedHeaders.split(';'));
  const body = request.body;
  const hostMismatches = getHostHeaderMismatches(request.url, request.headers);
  return (
    <div className="wire">
      {hostMismatches.map(({ index, headerHost, urlHost }) => (
        <div key={index} className="warning-box" role="note" aria-label="Host header warning">
          <p>
            The Host header says {headerHost === '' ? 'nothing' : <code>{headerHost}</code>}, but
            this request goes to <code>{urlHost}</code>: it is signed for{' '}
            {headerHost === '' ? 'an empty host' : headerHost}, so {urlHost} (or anyone on the way)
            could replay it there.
          </p>
        </div>
      ))}
      <div className="mono-block wire-block">
        <div className="mono-line wire-request-line">
          <span className="wire-method">{request.method}</span> <VisibleText text={request.url} />
        </div>
        {request.headers.map(([name, value], index) => {
          const isSigned = signed.has(name.toLowerCase());
          return (
            <div key={index} className="mono-line wire-header">
              <span className="wire-name">{name}</span>: <VisibleText text={value} />
              <span className={isSigned ? 'tag tag-signed' : 'tag tag-unsigned'}>
                {isSigned ? 'signed' : 'not signed'}
              </span>
            </div>
          );
        })}
        {body !== undefined && body !== '' && (
          <>
            <div className="mono-line mono-line-empty" />
            {typeof body === 'string' && body.length > LARGE_TEXT ? (
              <pre className="wire-body-raw">{body}</pre>
            ) : typeof body === 'string' ? (
              <div className="wire-body">
                {body.split('\n').map((line, index) => (
                  <div
                    key={index}
                    className={line === '' ? 'mono-line mono-line-empty' : 'mono-line'}
                  >
                    <VisibleText text={line} />
                  </div>
                ))}
              </div>
            ) : (
              <div className="mono-line muted">{binaryBodyNote(body.byteLength, bodyFileName)}</div>
            )}
          </>
        )}
      </div>
      <p className="hint">
        {transport === 'relay'
          ? 'The relay sends these headers as they are.'
          : 'Sent directly, the browser sets Host itself and adds Origin, User-Agent and others; those are not signed, so they do not matter.'}
      </p>
    </div>
  );
}
