// Cookie attributes for the portal session (OWASP Session Management Cheat Sheet): HttpOnly,
// SameSite=Strict, Path=/, and Secure except on plain-http localhost during development.
import type { FastifyReply } from 'fastify';
import type { Config } from '../config.js';
import { SESSION_COOKIE } from '../identity/sessions.js';
import { CHALLENGE_COOKIE } from '../identity/webauthn.js';

export function secureCookies(config: Pick<Config, 'publicUrl'>): boolean {
  const url = new URL(config.publicUrl);
  const localhost = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  return !(url.protocol === 'http:' && localhost);
}

const base = (config: Pick<Config, 'publicUrl'>) => ({ httpOnly: true, sameSite: 'strict' as const, path: '/', secure: secureCookies(config) });

/**
 * Readable by the web app, holding nothing but "1": tells it a session cookie was set in this
 * browser session, so a visitor who never signed in gets the sign-in screen without first asking
 * GET /api/session (a round trip, and a 401 the browser logs as an error).
 */
export const SESSION_HINT_COOKIE = 'portico_signed_in';

export function setSessionCookie(reply: FastifyReply, config: Pick<Config, 'publicUrl'>, token: string): void {
  // No Max-Age: a browser-session cookie; the server enforces idle and absolute expiry.
  reply.setCookie(SESSION_COOKIE, token, base(config));
  reply.setCookie(SESSION_HINT_COOKIE, '1', { ...base(config), httpOnly: false });
}

export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'publicUrl'>): void {
  reply.clearCookie(SESSION_COOKIE, base(config));
  reply.clearCookie(SESSION_HINT_COOKIE, { ...base(config), httpOnly: false });
}

export function setChallengeCookie(reply: FastifyReply, config: Pick<Config, 'publicUrl'>, id: string): void {
  reply.setCookie(CHALLENGE_COOKIE, id, { ...base(config), maxAge: 300 });
}

export function clearChallengeCookie(reply: FastifyReply, config: Pick<Config, 'publicUrl'>): void {
  reply.clearCookie(CHALLENGE_COOKIE, base(config));
}
