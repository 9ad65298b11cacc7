// The app registry API of the staff app (docs/api/smart.md "App registry"): administrators list,
// register and disable apps under /api/admin/apps; staff list the apps they can open for a patient.
// JSON only, RFC 9457 problem answers like the rest of /api. The session hook (security/) refuses
// cookie-carrying writes without the CSRF header; the check is repeated here because the SMART
// module learns the session through its identity port, which tests may replace.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { apiErrorHandler, ApiProblem, problems } from '../identity/problem.js';
import { disableApp, launchableApps, listAppsForAdmin, registerAppAsAdmin, registrationSource, type AdminCaller } from './admin-apps.js';
import type { RegisteredApp } from './clients.js';
import type { SmartContext } from './context.js';
import { OAuthError } from './errors.js';

const Url = Type.String({ minLength: 1, maxLength: 2000 });
const Jwk = Type.Object({ kty: Type.String({ maxLength: 10 }) }, { additionalProperties: true });

const NewApp = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    type: Type.Union([Type.Literal('public'), Type.Literal('confidential-symmetric'), Type.Literal('confidential-asymmetric')]),
    redirectUris: Type.Array(Url, { maxItems: 20, default: [] }),
    jwksUrl: Type.Optional(Url),
    jwks: Type.Optional(Type.Object({ keys: Type.Array(Jwk, { minItems: 1, maxItems: 10 }) })),
    backend: Type.Optional(Type.Boolean()),
    launchUrl: Type.Optional(Url),
  },
  { additionalProperties: false },
);

const NullableString = Type.Union([Type.String(), Type.Null()]);
const AppView = Type.Object({
  clientId: Type.String(),
  name: Type.String(),
  type: Type.String(),
  backend: Type.Boolean(),
  redirectUris: Type.Array(Type.String()),
  launchUrl: NullableString,
  jwksUrl: NullableString,
  jwksKeys: Type.Integer(),
  registration: Type.String(),
  registeredAt: Type.String(),
  registeredBy: NullableString,
  status: Type.String(),
  disabledAt: NullableString,
  disabledBy: NullableString,
});
type AppViewT = Static<typeof AppView>;

const toView = (a: RegisteredApp): AppViewT => ({
  clientId: a.clientId,
  name: a.name,
  type: a.type,
  backend: a.backend,
  redirectUris: a.redirectUris,
  launchUrl: a.launchUrl ?? null,
  jwksUrl: a.jwksUrl ?? null,
  jwksKeys: a.jwks?.keys.length ?? 0,
  registration: registrationSource(a),
  registeredAt: a.createdAt,
  registeredBy: a.registeredByUser?.displayName ?? null,
  status: a.disabledAt ? 'disabled' : 'active',
  disabledAt: a.disabledAt ?? null,
  disabledBy: a.disabledByUser?.displayName ?? null,
});

type Access = 'admin' | 'staff';
declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call an app-registry route. */
    appRegistryAccess?: Access;
  }
}

export function adminAppRoutes(app: FastifyInstance, ctx: SmartContext): void {
  const callers = new WeakMap<FastifyRequest, AdminCaller>();
  const deps = { db: ctx.db, audit: ctx.audit };

  void app.register(async (api) => {
    // Cross-site "simple" requests (text/plain, forms) cannot reach a JSON-only API.
    api.removeContentTypeParser(['text/plain', 'application/x-www-form-urlencoded']);
    api.setErrorHandler((error, request, reply) => {
      if (error instanceof OAuthError) return apiErrorHandler(problems.invalidRequest(error.description), request, reply);
      return apiErrorHandler(error, request, reply);
    });
    // Who is calling is settled before the body is read: 401 and 403 come before any 400.
    api.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config.appRegistryAccess;
      if (!access) return;
      const session = await ctx.identity.currentSession(request);
      if (!session) throw problems.unauthenticated();
      if (request.method !== 'GET' && request.headers['x-csrf-token'] !== session.csrfToken) throw problems.csrf();
      const { user } = session;
      if (access === 'admin' && user.kind !== 'admin') throw problems.forbidden('Only administrators can manage apps.');
      if (access === 'staff' && user.kind === 'patient') throw problems.forbidden('Only staff can open apps for a patient.');
      callers.set(request, {
        id: user.id,
        displayName: user.displayName ?? user.id,
        practitionerId: user.practitionerId ?? undefined,
        sourceIp: request.ip,
        userAgent: request.headers['user-agent'],
      });
    });
    const caller = (request: FastifyRequest): AdminCaller => {
      const c = callers.get(request);
      if (!c) throw new ApiProblem(500, 'internal', 'Internal error', 'Something went wrong on our side. Please try again.');
      return c;
    };

    api.get(
      '/api/admin/apps',
      { config: { appRegistryAccess: 'admin' }, schema: { response: { 200: Type.Object({ apps: Type.Array(AppView) }) } } },
      async (_request, reply) => reply.header('cache-control', 'no-store').send({ apps: (await listAppsForAdmin(ctx.db)).map(toView) }),
    );

    api.post(
      '/api/admin/apps',
      { config: { appRegistryAccess: 'admin' }, schema: { body: NewApp, response: { 201: Type.Object({ app: AppView, clientSecret: Type.Optional(Type.String()) }) } } },
      async (request, reply) => {
        const { app: registered, secret } = await registerAppAsAdmin(deps, caller(request), request.body as Static<typeof NewApp>);
        return reply.code(201).header('cache-control', 'no-store').send({ app: toView(registered), ...(secret ? { clientSecret: secret } : {}) });
      },
    );

    api.delete(
      '/api/admin/apps/:clientId',
      { config: { appRegistryAccess: 'admin' }, schema: { params: Type.Object({ clientId: Type.String({ minLength: 1, maxLength: 200 }) }) } },
      async (request, reply) => {
        const { clientId } = request.params as { clientId: string };
        if (!(await disableApp(deps, caller(request), clientId))) throw problems.notFound('No active app has this client id.');
        return reply.code(204).send();
      },
    );

    api.get(
      '/api/smart/launchable-apps',
      { config: { appRegistryAccess: 'staff' }, schema: { response: { 200: Type.Object({ apps: Type.Array(Type.Object({ clientId: Type.String(), name: Type.String() })) }) } } },
      async (_request, reply) => reply.header('cache-control', 'no-store').send({ apps: await launchableApps(ctx.db) }),
    );
  });
}
