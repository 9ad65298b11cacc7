// The signed-in person's own profile settings. For now: the language of the web app and of the
// emails Portico sends them (account.locale). The web app calls this when the patient picks a
// language, so a reset link or "new sign-in method" email arrives in the language they read.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { IdentityDeps } from '../context.js';
import { EMAIL_LOCALES } from '../mail.js';
import { requireSignedIn } from './guards.js';

export async function profileRoutes(app: FastifyInstance, { deps }: { deps: IdentityDeps }): Promise<void> {
  // CSRF is checked by the session hook for every state-changing /api request with a cookie.
  app.put(
    '/profile/locale',
    { schema: { body: Type.Object({ locale: Type.Union(EMAIL_LOCALES.map((l) => Type.Literal(l))) }, { additionalProperties: false }) } },
    async (request) => {
      const p = requireSignedIn(request, { allowMfaSetup: true });
      const { locale } = request.body as { locale: string };
      await deps.db.query('UPDATE account SET locale = $2 WHERE id = $1', [p.account.id, locale]);
      return { locale };
    },
  );
}
