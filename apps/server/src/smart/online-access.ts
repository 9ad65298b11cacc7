// SMART App Launch 2.2 (scopes-and-launch-context, "Scopes for requesting a refresh token"):
// `offline_access` asks for a refresh token that works after the user has gone; `online_access`
// for one "usable for as long as the end-user remains online". Online here means the portal session
// the user approved the app in: a refresh token granted only online_access is bound to that session
// and stops working when it ends (sign-out, idle or absolute timeout).
import type { SmartContext } from './context.js';
import type { TokenContext, TokenRow } from './tokens.js';

/** Whether a refresh token carrying these scopes and context may be used (or issued) now. */
export async function refreshAllowed(ctx: Pick<SmartContext, 'identity'>, scopes: readonly string[], context: TokenContext): Promise<boolean> {
  if (scopes.includes('offline_access')) return true;
  if (!scopes.includes('online_access') || !context.onlineSession || !context.user) return false;
  return ctx.identity.sessionActive(context.user.id, context.onlineSession);
}

export const refreshTokenUsable = (ctx: Pick<SmartContext, 'identity'>, row: TokenRow) => refreshAllowed(ctx, row.scope.split(' '), row.context);
