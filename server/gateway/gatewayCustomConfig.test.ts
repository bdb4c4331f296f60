// The local API Gateway on 127.0.0.1 in configurations other than the default: expired tokens
// and explicit denies.
// Expected texts are those of docs/api-gateway-iam-errors.md (the "case N" numbers below are
// its table rows); where this file expects something else it says why. The clients, the gateway
// harness, the identities, the signing and the answer checks are in gatewayTest*.ts.
import { describe, it } from 'vitest';
import { type GatewayConfig } from './gatewayConfig';
import { expectGatewayError, expectSuccess } from './gatewayTestAnswers';
import {
  ADMIN,
  DEFAULT_CONFIG,
  identityIn,
  keysOf,
  NOW,
  TEMP,
  TEMP_TOKEN,
} from './gatewayTestFixtures';
import { TestGateway } from './gatewayTestRunner';
import { sign } from './gatewayTestSigning';

describe('custom configurations', () => {
  const custom = (changes: (config: GatewayConfig) => void) => {
    const config = structuredClone(DEFAULT_CONFIG);
    changes(config);
    return config;
  };

  it('rejects an expired session token (case 5)', async () => {
    const gateway = await TestGateway.start(
      custom((config) => {
        config.identities.push({
          ...structuredClone(TEMP),
          name: 'expired',
          accessKeyId: 'ASIAEXPIREDEXAMPLE',
          expiresAt: '2026-01-15T10:00:00Z',
        });
      }),
      () => NOW,
    );
    try {
      const expired = {
        accessKeyId: 'ASIAEXPIREDEXAMPLE',
        secretAccessKey: TEMP.secretAccessKey,
        sessionToken: TEMP_TOKEN,
      };
      expectGatewayError(
        await gateway.send(await sign(gateway, { credentials: expired })),
        'ExpiredTokenException',
        'The security token included in the request is expired',
      );
    } finally {
      await gateway.close();
    }
  });

  it('says "with an explicit deny" when a Deny statement matches (case 6b)', async () => {
    const gateway = await TestGateway.start(
      custom((config) => {
        identityIn(config, 'admin').policy.push({
          Effect: 'Deny',
          Action: 'execute-api:Invoke',
          Resource: 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg/*/POST/hello',
        });
      }),
      () => NOW,
    );
    try {
      expectGatewayError(
        await gateway.send(await sign(gateway, { credentials: keysOf(ADMIN) })),
        'AccessDeniedException',
        'User: arn:aws:iam::850047500507:user/admin is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg/prod/POST/hello with an explicit deny',
      );
      expectSuccess(
        await gateway.send(await sign(gateway, { method: 'GET', credentials: keysOf(ADMIN) })),
      );
    } finally {
      await gateway.close();
    }
  });
});
