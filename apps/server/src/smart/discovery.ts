// SMART discovery (SMART App Launch 2.2 conformance.html), OpenID Provider metadata (OpenID
// Connect Discovery §3), the JWKS, the SMART style document, and the CapabilityStatement's
// rest.security (SMART on FHIR service coding and oauth-uris extension).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { extendCapabilityStatement } from '../fhir/capability.js';
import { ASSERTION_ALGS } from './client-auth.js';
import { smartUrls, type SmartContext } from './context.js';
import { ID_TOKEN_ALG } from './keys.js';

export const CAPABILITIES = [
  'launch-standalone', 'launch-ehr', 'authorize-post', 'client-public', 'client-confidential-symmetric', 'client-confidential-asymmetric',
  'sso-openid-connect', 'context-standalone-patient', 'context-ehr-patient', 'context-ehr-encounter', 'context-banner', 'context-style',
  'permission-offline', 'permission-online', 'permission-patient', 'permission-user', 'permission-v1', 'permission-v2',
];

export const SCOPES_SUPPORTED = [
  'openid', 'fhirUser', 'profile', 'launch', 'launch/patient', 'launch/encounter', 'offline_access', 'online_access',
  'patient/*.read', 'patient/*.rs', 'patient/*.cruds', 'user/*.read', 'user/*.rs', 'user/*.cruds', 'system/*.read', 'system/*.rs',
  'patient/Observation.rs', 'patient/Condition.rs',
];

function smartConfiguration(ctx: SmartContext) {
  const u = ctx.urls;
  return {
    issuer: ctx.fhirBase,
    jwks_uri: u.jwks,
    authorization_endpoint: u.authorize,
    token_endpoint: u.token,
    introspection_endpoint: u.introspect,
    revocation_endpoint: u.revoke,
    management_endpoint: u.manage,
    registration_endpoint: u.register,
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ASSERTION_ALGS,
    id_token_signing_alg_values_supported: [ID_TOKEN_ALG],
    scopes_supported: SCOPES_SUPPORTED,
    capabilities: CAPABILITIES,
  };
}

function openidConfiguration(ctx: SmartContext) {
  const u = ctx.urls;
  return {
    issuer: ctx.fhirBase,
    authorization_endpoint: u.authorize,
    token_endpoint: u.token,
    jwks_uri: u.jwks,
    registration_endpoint: u.register,
    introspection_endpoint: u.introspect,
    revocation_endpoint: u.revoke,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [ID_TOKEN_ALG],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ASSERTION_ALGS,
    code_challenge_methods_supported: ['S256'],
    scopes_supported: SCOPES_SUPPORTED,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'name', 'fhirUser'],
    ui_locales_supported: ['en', 'es'],
  };
}

const publicJson = (reply: FastifyReply, body: unknown) =>
  reply.header('content-type', 'application/json; charset=utf-8').header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300').send(JSON.stringify(body));

export function discoveryRoutes(app: FastifyInstance, ctx: SmartContext): void {
  const path = new URL(ctx.fhirBase).pathname.replace(/\/+$/, '');
  app.get(`${path}/.well-known/smart-configuration`, async (_r, reply) => publicJson(reply, smartConfiguration(ctx)));
  app.get(`${path}/.well-known/openid-configuration`, async (_r, reply) => publicJson(reply, openidConfiguration(ctx)));
  app.get('/auth/jwks', async (_r, reply) => publicJson(reply, await ctx.keys.jwks()));
  app.get('/auth/smart-style.json', async (_r, reply) =>
    publicJson(reply, {
      color_background: '#f4f6f8', color_error: '#a4002a', color_highlight: '#0b5cad', color_modal_backdrop: '', color_success: '#1a7f37',
      color_text: '#1b1f23', dim_border_radius: '8px', dim_font_size: '16px', dim_spacing_size: '16px',
      font_family_body: 'system-ui, sans-serif', font_family_heading: 'system-ui, sans-serif',
    }),
  );
}

let capabilityDeclared = false;

/** Declares SMART in the CapabilityStatement (once per process: extenders are global). */
export function declareSmartSecurity(): void {
  if (capabilityDeclared) return;
  capabilityDeclared = true;
  extendCapabilityStatement((statement) => {
    const base = statement.implementation?.url ?? '';
    const u = smartUrls(base.replace(/\/fhir\/?$/, ''));
    for (const rest of statement.rest ?? []) {
      rest.security = {
        cors: true,
        service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }], text: 'OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)' }],
        extension: [
          {
            url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
            extension: [
              { url: 'authorize', valueUri: u.authorize },
              { url: 'token', valueUri: u.token },
              { url: 'introspect', valueUri: u.introspect },
              { url: 'revoke', valueUri: u.revoke },
              { url: 'manage', valueUri: u.manage },
              { url: 'register', valueUri: u.register },
            ],
          },
        ],
      };
    }
  });
}
