// `sigv4-playground gateway [--port N] [--config FILE]` (npm run gateway -- …): the local API
// Gateway on its own, without the page.
import { parseArgs } from 'node:util';
import { GatewayConfigError, loadGatewayConfig } from './gatewayConfig';
import { startGateway } from './gatewayServer';
import { DEFAULT_GATEWAY_PORT, parsePort } from '../startOptions';
import { LOG_USAGE, logOptionsOf } from './logOptions';
import { NO_REQUEST_LOG, openRequestLog } from './requestLog';
import { watchConfigFile } from './watchConfigFile';

export const GATEWAY_USAGE = `usage: sigv4-playground gateway [--port N] [--config FILE] [--strict] [--log-format text|json] [--quiet]
  --port N         where it listens on 127.0.0.1 (default ${DEFAULT_GATEWAY_PORT}, or GATEWAY_PORT; 0 picks one)
  --config FILE    identities, roles, routes and policies (default: the bundled demo configuration)
  --strict         answer exactly as API Gateway: no x-playground-iam-decision trace header
${LOG_USAGE}
  GATEWAY_CLOCK=ISO-8601 pins the clock.`;

/** Runs the gateway until SIGINT/SIGTERM; rejects with a sentence when it cannot start. */
export async function runGateway(args: readonly string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        config: { type: 'string' },
        'log-format': { type: 'string' },
        quiet: { type: 'boolean' },
        strict: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new GatewayConfigError(`${(error as Error).message.split('\n')[0]}\n${GATEWAY_USAGE}`);
  }
  if (values.help) {
    console.log(GATEWAY_USAGE);
    return;
  }
  const port = parsePort(
    values.port === undefined ? 'GATEWAY_PORT' : '--port',
    values.port ?? process.env.GATEWAY_PORT,
    DEFAULT_GATEWAY_PORT,
    GATEWAY_USAGE,
  );
  let logOptions;
  try {
    logOptions = logOptionsOf(values['log-format'], values.quiet);
  } catch (error) {
    throw new GatewayConfigError(`${(error as Error).message}\n${GATEWAY_USAGE}`);
  }
  const config = loadGatewayConfig(values.config);
  const requestLog = openRequestLog(logOptions);
  let forgetDecisions = () => {};
  const gateway = await startGateway({
    config,
    port,
    requestLog: requestLog ?? NO_REQUEST_LOG,
    strict: values.strict === true,
    onDecisions: (decisions) => (forgetDecisions = decisions.forget),
  });
  // An edit of the --config file applies at once (there is no page to edit from on its own).
  if (values.config !== undefined)
    watchConfigFile({
      config,
      path: values.config,
      forgetDecisions: () => forgetDecisions(),
      log: (line) => console.error(line),
    });
  const base = config.stage === '' ? gateway.url : `${gateway.url}/${config.stage}`;
  console.log(`Local API Gateway (AWS_IAM) for ${config.apiId} in ${config.region}: ${base}`);
  for (const route of config.routes) console.log(`  ${route.method} ${base}${route.path}`);
  if (config.sts.enabled) {
    const roles = config.roles.map((role) => role.name).join(', ') || 'none';
    console.log(`Local STS (AssumeRole, GetCallerIdentity): ${gateway.url}${config.sts.path}`);
    console.log(`  roles: ${roles}`);
  }
  // The lines still queued are written before the process goes (requestLog.ts).
  const stop = () =>
    void gateway
      .close()
      .then(() => requestLog?.close())
      .then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
