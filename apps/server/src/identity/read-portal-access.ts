// Where a patient stands with the portal, for staff about to hand out an activation code: no account
// yet, invited (a code is waiting, until when and to which email), or an account (and when its owner
// last signed in). Staff see this before they create a code, so they do not retire a code the
// patient is about to use, or invite someone who already has an account.
import { Type } from '@sinclair/typebox';
import type { Queryable } from '../db/pool.js';

export type PortalAccess =
  | { status: 'none' }
  | { status: 'invited'; email: string | null; expiresAt: string; createdAt: string }
  | { status: 'account'; createdAt: string; lastSignInAt: string | null; disabled: boolean };

/** The reply's allow-list (GET /api/staff/patients/:id/portal-access). */
export const PortalAccessView = Type.Object({
  status: Type.Union([Type.Literal('none'), Type.Literal('invited'), Type.Literal('account')]),
  email: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  expiresAt: Type.Optional(Type.String()),
  createdAt: Type.Optional(Type.String()),
  lastSignInAt: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  disabled: Type.Optional(Type.Boolean()),
});

const iso = (value: unknown) => new Date(value as string).toISOString();

/** `patientId` must already be one the caller may reach (read through the repository first). */
export async function readPortalAccess(db: Queryable, patientId: string): Promise<PortalAccess> {
  // A session counts as a sign-in once it is active (both steps done); ended sessions count too.
  const account = await db.query(
    `SELECT a.created_at, a.disabled,
            (SELECT max(s.created_at) FROM account_session s WHERE s.account_id = a.id AND s.state = 'active') AS last_sign_in
       FROM account a WHERE a.patient_id = $1`,
    [patientId],
  );
  const a = account.rows[0];
  if (a) return { status: 'account', createdAt: iso(a.created_at), lastSignInAt: a.last_sign_in ? iso(a.last_sign_in) : null, disabled: a.disabled as boolean };
  const code = await db.query(
    `SELECT email, created_at, expires_at FROM one_time_token
      WHERE purpose = 'activation' AND patient_id = $1 AND used_at IS NULL AND expires_at > now()
      ORDER BY created_at DESC LIMIT 1`,
    [patientId],
  );
  const c = code.rows[0];
  if (c) return { status: 'invited', email: (c.email as string | null) ?? null, expiresAt: iso(c.expires_at), createdAt: iso(c.created_at) };
  return { status: 'none' };
}
