import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** Claims the provider returns for an account (sub is the account id). */
export type OidcTestClaims = Record<string, unknown>;

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/**
 * Starts a real OpenID Connect provider (oidc-provider, in a child process) on a random
 * loopback port, with one confidential client that must use PKCE and the given accounts.
 * Redirect URIs on a loopback host (127.0.0.1, localhost) ending in /api/auth/oidc/callback are accepted on any port.
 */
export async function startOidcTestProvider(
  accounts: Record<string, OidcTestClaims>,
  options: { clientId?: string; clientSecret?: string; conformIdTokenClaims?: boolean } = {},
): Promise<OidcTestProvider> {
  const clientId = options.clientId ?? 'duty-tracker';
  const clientSecret = options.clientSecret ?? 'oidc-test-client-secret-0123456789abcdef';
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(__dirname, 'oidc-provider-process.mjs')],
    {
      env: {
        ...process.env,
        NODE_NO_WARNINGS: '1',
        OIDC_TEST_CLIENT: JSON.stringify({
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: ['http://127.0.0.1/api/auth/oidc/callback'],
          post_logout_redirect_uris: ['http://127.0.0.1/'],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        }),
        OIDC_TEST_ACCOUNTS: JSON.stringify(accounts),
        OIDC_TEST_CONFORM_ID_TOKEN: options.conformIdTokenClaims ? 'true' : 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`OIDC test provider did not start:\n${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /OIDC_TEST_PROVIDER_READY (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`OIDC test provider exited (${code}):\n${output}`));
    });
  });
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
