// Portal accounts: patients (linked to their own Patient), staff (a Practitioner of one
// Organization with roles) and administrators.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/pool.js';

export type AccountKind = 'patient' | 'staff' | 'admin';
export const STAFF_ROLES = ['clinician', 'nurse', 'front-desk', 'billing'] as const;

export interface Account {
  id: string;
  email: string;
  kind: AccountKind;
  displayName: string;
  passwordHash: string | null;
  patientId: string | null;
  practitionerId: string | null;
  organizationId: string | null;
  roles: string[];
  locale: string;
  disabled: boolean;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

const COLUMNS = 'id, email, kind, display_name, password_hash, patient_id, practitioner_id, organization_id, roles, locale, disabled';

/** The account columns, each prefixed, for statements that read an account beside other rows. */
export const accountColumns = (table: string, prefix: string) => COLUMNS.split(', ').map((c) => `${table}.${c} AS ${prefix}${c}`).join(', ');

/** An Account from a row whose account columns carry `prefix` (see accountColumns). */
export function accountFromRow(row: Record<string, unknown>, prefix = ''): Account {
  return {
    id: row[`${prefix}id`] as string,
    email: row[`${prefix}email`] as string,
    kind: row[`${prefix}kind`] as AccountKind,
    displayName: row[`${prefix}display_name`] as string,
    passwordHash: (row[`${prefix}password_hash`] as string | null) ?? null,
    patientId: (row[`${prefix}patient_id`] as string | null) ?? null,
    practitionerId: (row[`${prefix}practitioner_id`] as string | null) ?? null,
    organizationId: (row[`${prefix}organization_id`] as string | null) ?? null,
    roles: (row[`${prefix}roles`] as string[]) ?? [],
    locale: row[`${prefix}locale`] as string,
    disabled: row[`${prefix}disabled`] as boolean,
  };
}

const fromRow = (row: Record<string, unknown>) => accountFromRow(row);

export async function findAccountByEmail(db: Queryable, email: string): Promise<Account | undefined> {
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM account WHERE email = $1`, [normalizeEmail(email)]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function findAccountById(db: Queryable, id: string): Promise<Account | undefined> {
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM account WHERE id = $1`, [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function findAccountByPatient(db: Queryable, patientId: string): Promise<Account | undefined> {
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM account WHERE patient_id = $1`, [patientId]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export interface NewAccount {
  id?: string;
  email: string;
  kind: AccountKind;
  displayName: string;
  passwordHash: string;
  patientId?: string;
  practitionerId?: string;
  organizationId?: string;
  roles?: string[];
  locale?: string;
}

export async function createAccount(db: Queryable, input: NewAccount): Promise<Account> {
  const { rows } = await db.query(
    `INSERT INTO account (id, email, kind, display_name, password_hash, patient_id, practitioner_id, organization_id, roles, locale, password_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now()) RETURNING ${COLUMNS}`,
    [input.id ?? randomUUID(), normalizeEmail(input.email), input.kind, input.displayName, input.passwordHash, input.patientId ?? null, input.practitionerId ?? null, input.organizationId ?? null, input.roles ?? [], input.locale ?? 'en'],
  );
  return fromRow(rows[0]);
}

export async function setPassword(db: Queryable, accountId: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE account SET password_hash = $2, password_changed_at = now() WHERE id = $1', [accountId, passwordHash]);
}

export interface MfaStatus {
  totp: boolean;
  passkeys: number;
  recoveryCodesRemaining: number;
}

export async function mfaStatus(db: Queryable, accountId: string): Promise<MfaStatus> {
  const { rows } = await db.query<{ totp: boolean; passkeys: string; codes: string }>(
    `SELECT EXISTS (SELECT 1 FROM totp_credential WHERE account_id = $1 AND confirmed_at IS NOT NULL) AS totp,
            (SELECT count(*) FROM webauthn_credential WHERE account_id = $1) AS passkeys,
            (SELECT count(*) FROM recovery_code WHERE account_id = $1 AND used_at IS NULL) AS codes`,
    [accountId],
  );
  return { totp: rows[0].totp, passkeys: Number(rows[0].passkeys), recoveryCodesRemaining: Number(rows[0].codes) };
}

export const hasMfa = (s: MfaStatus) => s.totp || s.passkeys > 0;
export const mfaRequiredFor = (kind: AccountKind) => kind !== 'patient';
