// The page's window on the running gateway's policies (GET) and its edits (POST), at
// GATEWAY_POLICIES_PATH on the playground's own origin, behind the relay's guard: another site's
// page can neither read the policies nor change them. The gateway's process answers
// (liveConfig.ts over IPC); a gateway started on its own (`sigv4-playground gateway`) has no page
// and so no such endpoint.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayAdminReply, GatewayAdminRequest } from './gateway/liveConfig';
import { MAX_POLICY_TEXT_LENGTH } from './gateway/iam/locatePolicyProblems';
import { dropRestOfUpload, readBoundedBody } from './readBoundedBody';
import { refuseCrossOrigin, type GuardedEndpoint } from './sameOriginGuard';
import { sendJson } from './sendJson';

const ENDPOINT: GuardedEndpoint = { who: 'The gateway policies API', methods: ['GET', 'POST'] };
/** A policy text and its target, with room for JSON escapes. */
const MAX_BODY_BYTES = MAX_POLICY_TEXT_LENGTH * 2 + 4096;

export interface GatewayPoliciesHandlerOptions {
  /** Asks the gateway's process; undefined when the playground runs without a gateway. */
  admin: ((request: GatewayAdminRequest) => Promise<GatewayAdminReply>) | undefined;
  /** The port the page is served on; a function when it is known only later. */
  port: () => number;
}

function send(res: ServerResponse, status: number, value: unknown): void {
  sendJson(res, status, value, status === 405 ? { Allow: ENDPOINT.methods.join(', ') } : {});
}

export function createGatewayPoliciesHandler(
  options: GatewayPoliciesHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refusal = refuseCrossOrigin(req, options.port(), ENDPOINT);
    if (refusal) {
      dropRestOfUpload(req);
      return send(res, refusal.status, { message: refusal.message });
    }
    if (options.admin === undefined) {
      dropRestOfUpload(req);
      return send(res, 404, {
        message:
          'This playground runs without a local API Gateway (--no-gateway): there are no policies to show.',
      });
    }
    if (req.method === 'GET') {
      req.resume();
      const reply = await options.admin({ op: 'list' });
      return send(res, reply.status, reply.body);
    }
    let edit: unknown;
    try {
      const body = await readBoundedBody(
        req,
        MAX_BODY_BYTES,
        () => new Error(`A policy edit is at most ${MAX_BODY_BYTES} bytes.`),
      );
      edit = JSON.parse(body.toString('utf8'));
    } catch (error) {
      dropRestOfUpload(req);
      return send(res, 400, {
        message:
          error instanceof SyntaxError
            ? 'The edit is not JSON.'
            : (error as Error).message || 'The edit could not be read.',
      });
    }
    const reply = await options.admin({ op: 'edit', edit: edit as never });
    send(res, reply.status, reply.body);
  };
  return (req, res) => {
    // A bug of ours (or the gateway's process gone mid-question) answers 500; it never becomes
    // an unhandled rejection, which would stop the whole playground.
    handle(req, res).catch((error: unknown) => {
      send(res, 500, {
        message: `The gateway policies API failed unexpectedly (${(error as Error).message}).`,
      });
    });
  };
}
