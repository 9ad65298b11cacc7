// `npm run app -- register --name NAME --redirect-uri URI [--redirect-uri …]
//   [--public | --secret | --jwks-url URL | --jwks FILE] [--backend] [--launch-url URL]` prints the
// new client_id (and the secret, once); `npm run app -- list`; `npm run app -- revoke <client_id>`
// ends the app and all its tokens.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCommand, USAGE_ERROR, withDatabase } from '../cli/command.js';
import { listClients, registerClient, revokeClient, type ClientType } from './clients.js';
import { OAuthError } from './errors.js';

const USAGE = `Usage: npm run app -- register --name NAME --redirect-uri URI [--redirect-uri URI ...]
                         [--public | --secret | --jwks-url URL | --jwks FILE] [--backend] [--launch-url URL]
       npm run app -- list
       npm run app -- revoke <client_id>
Without a client type option an app is public (a backend service: --secret).
`;

const OPTIONS = {
  name: { type: 'string' },
  'redirect-uri': { type: 'string', multiple: true },
  public: { type: 'boolean' },
  secret: { type: 'boolean' },
  'jwks-url': { type: 'string' },
  jwks: { type: 'string' },
  backend: { type: 'boolean' },
  'launch-url': { type: 'string' },
} as const;

function usage(problem?: string): number {
  process.stderr.write(`${problem ? `${problem}\n` : ''}${USAGE}`);
  return USAGE_ERROR;
}

/** The JWKS file an administrator was given by the app (public keys; checked on registration). */
function readJwks(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new OAuthError('invalid_client_metadata', `Cannot read a JWKS from ${path}: ${(err as Error).message}`);
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: OPTIONS });
  } catch (err) {
    return usage((err as Error).message);
  }
  const { positionals, values } = parsed;
  const [command, id] = positionals;
  if (!['register', 'list', 'revoke'].includes(command ?? '') || (command === 'revoke' && !id) || (command === 'register' && !values.name)) return usage();
  if ([values.public, values.secret, values['jwks-url'] !== undefined, values.jwks !== undefined].filter(Boolean).length > 1) {
    return usage('Choose one of --public, --secret, --jwks-url and --jwks.');
  }
  return withDatabase(async (runtime) => {
    try {
      if (command === 'list') {
        for (const c of await listClients(runtime.db)) process.stdout.write(`${c.clientId}\t${c.type}${c.backend ? ' backend' : ''}\t${c.name}\t${c.redirectUris.join(' ')}\n`);
        return 0;
      }
      if (command === 'revoke') {
        const ok = await revokeClient(runtime.db, id);
        process.stdout.write(ok ? `Revoked ${id}; its tokens no longer work\n` : `No active app ${id}\n`);
        return ok ? 0 : 1;
      }
      const asymmetric = values['jwks-url'] !== undefined || values.jwks !== undefined;
      const type: ClientType = asymmetric ? 'confidential-asymmetric' : values.secret || (values.backend && !values.public) ? 'confidential-symmetric' : 'public';
      const { client, secret } = await registerClient(runtime.db, {
        name: values.name!,
        type,
        redirectUris: values['redirect-uri'] ?? [],
        jwksUrl: values['jwks-url'],
        jwks: values.jwks === undefined ? undefined : (readJwks(values.jwks) as { keys: [] }),
        backend: values.backend ?? false,
        launchUrl: values['launch-url'],
      });
      process.stdout.write(`client_id: ${client.clientId}\ntype: ${client.type}${client.backend ? ' (backend service)' : ''}\n`);
      if (secret) process.stdout.write(`client_secret (shown once, keep it secret): ${secret}\n`);
      return 0;
    } catch (err) {
      if (err instanceof OAuthError) {
        process.stderr.write(`${err.description}\n`);
        return 1;
      }
      throw err;
    }
  });
}

runCommand(main);
