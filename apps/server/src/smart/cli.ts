// `npm run app -- register --name NAME --redirect-uri URI [--redirect-uri …] [--public|--secret|--jwks-url URL]
//   [--backend] [--launch-url URL]` prints the new client_id (and the secret, once);
// `npm run app -- list`; `npm run app -- revoke <client_id>` ends the app and all its tokens.
import { parseArgs } from 'node:util';
import { runCommand, USAGE_ERROR, withDatabase } from '../cli/command.js';
import { listClients, registerClient, revokeClient, type ClientType } from './clients.js';
import { OAuthError } from './errors.js';

const USAGE = `Usage: npm run app -- register --name NAME --redirect-uri URI [--public | --secret | --jwks-url URL] [--backend] [--launch-url URL]
       npm run app -- list
       npm run app -- revoke <client_id>
`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      public: { type: 'boolean' },
      secret: { type: 'boolean' },
      'jwks-url': { type: 'string' },
      backend: { type: 'boolean' },
      'launch-url': { type: 'string' },
    },
  });
  const [command, id] = positionals;
  if (!['register', 'list', 'revoke'].includes(command ?? '') || (command === 'revoke' && !id) || (command === 'register' && !values.name)) {
    process.stderr.write(USAGE);
    return USAGE_ERROR;
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
      const type: ClientType = values['jwks-url'] ? 'confidential-asymmetric' : values.secret || (values.backend && !values.public) ? 'confidential-symmetric' : 'public';
      const { client, secret } = await registerClient(runtime.db, {
        name: values.name!,
        type,
        redirectUris: values['redirect-uri'] ?? [],
        jwksUrl: values['jwks-url'],
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
