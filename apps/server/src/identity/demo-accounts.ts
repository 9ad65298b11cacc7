// Demo sign-in accounts for the demo clinic (DEMO ONLY: the passwords and the TOTP secret below are
// public, in the README). Created once, on a start with the demo on, linked to the generator's
// fixed personas. Refused when PUBLIC_URL is not localhost, unless
// PORTICO_DEMO_ACCOUNTS_ANY_HOST=true says so explicitly (e.g. a public demo server).
import type { Patient } from '@medplum/fhirtypes';
import type { Logger } from 'pino';
import { privilegedRepository, readIfPresent } from '../access/privileged.js';
import { AuditLog } from '../audit/audit-log.js';
import type { Config } from '../config.js';
import type { Database } from '../db/pool.js';
import type { FhirRepository } from '../fhir/repository.js';
import { loadKeyring } from '../crypto/keyring.js';
import { clinicDirectory } from '../demo/clinic.js';
import { DEFAULT_DEMO_SEED, DEMO_PATIENT_ROLES } from '../demo/generate-clinic.js';
import { patientId } from '../demo/rng.js';
import { createAccount, findAccountByEmail, type AccountKind } from './accounts.js';
import { patientDisplayName } from './identity-proofing.js';
import { hashPassword } from './passwords.js';
import { storeRecoveryCodes } from './recovery-codes.js';
import { storeConfirmedTotp } from './totp.js';

export const DEMO_PASSWORD = 'demo-lantern-orchard-42';
/** Base32 TOTP secret shared by the demo accounts with MFA. */
export const DEMO_TOTP_SECRET = 'PORTICODEMOTOTPSECRETKEYAAAAAAAA';

/**
 * Recovery codes of the demo patient with two-step sign-in, so the code screen's "Use a recovery
 * code" can be tried. Each works once per database (like any recovery code).
 */
export const DEMO_RECOVERY_CODES = [
  'xda2-jhhe-2dy2', '7ucv-qbac-ghtw', 'augz-xzuq-hrvj', '46a3-4fzq-mjeg', '93md-cpdn-6nwj',
  '4b2r-ud8p-cuk5', 'xw76-nvgz-cbyh', '3kc6-h6dp-jrx5', 'nfnn-gyjz-8yxc', 'wxfu-2hfr-pj8x',
] as const;

export const DEMO_ACCOUNTS = {
  patientWithMfa: 'demo.patient.mfa@example.org',
  patient: 'demo.patient@example.org',
  clinician: 'demo.clinician@example.org',
  admin: 'demo.admin@example.org',
} as const;

export function demoAccountsAllowed(config: Pick<Config, 'publicUrl' | 'demoAccountsAnyHost'>): boolean {
  const host = new URL(config.publicUrl).hostname;
  return config.demoAccountsAnyHost || host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

export async function ensureDemoAccounts(db: Database, config: Config, logger?: Logger, seed = DEFAULT_DEMO_SEED): Promise<string[]> {
  if (!demoAccountsAllowed(config)) {
    logger?.warn('PUBLIC_URL is not localhost: demo sign-in accounts not created (set PORTICO_DEMO_ACCOUNTS_ANY_HOST=true to create them anyway)');
    return [];
  }
  // Only next to the generated demo clinic: never on a database that holds other (maybe real) charts.
  const seeded = await db.query<{ patients: number }>('SELECT patients FROM demo_seed WHERE id = 1').catch(() => ({ rows: [] as { patients: number }[] }));
  if (!seeded.rows[0]?.patients) {
    logger?.info('the demo clinic was not seeded in this database: demo sign-in accounts not created');
    return [];
  }
  // The demo patients' names, read through the privileged door (audited) at start-up.
  const audit = new AuditLog(db, logger);
  const repo = privilegedRepository({ db, audit, baseUrl: config.fhirBaseUrl }, { reason: 'demo-accounts' });
  try {
    return await createDemoAccounts(db, config, repo, seed, logger);
  } finally {
    await audit.close();
  }
}

async function createDemoAccounts(db: Database, config: Config, repo: FhirRepository, seed: number, logger?: Logger): Promise<string[]> {
  const keyring = loadKeyring(config);
  const dir = clinicDirectory(seed);
  const clinician = dir.staff.family1;
  const specs: { email: string; kind: AccountKind; patientIndex?: number; mfa: boolean; displayName?: string; practitionerId?: string; organizationId?: string; roles?: string[] }[] = [
    { email: DEMO_ACCOUNTS.patientWithMfa, kind: 'patient', patientIndex: DEMO_PATIENT_ROLES.mfaAdult, mfa: true },
    { email: DEMO_ACCOUNTS.patient, kind: 'patient', patientIndex: DEMO_PATIENT_ROLES.adult, mfa: false },
    { email: DEMO_ACCOUNTS.clinician, kind: 'staff', mfa: true, displayName: clinician.display, practitionerId: clinician.practitionerId, organizationId: dir.clinicOrgId, roles: ['clinician'] },
    { email: DEMO_ACCOUNTS.admin, kind: 'admin', mfa: true, displayName: 'Demo Administrator' },
  ];
  const created: string[] = [];
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const spec of specs) {
    if (await findAccountByEmail(db, spec.email)) continue;
    let displayName = spec.displayName ?? spec.email;
    let linkedPatient: string | undefined;
    if (spec.patientIndex !== undefined) {
      linkedPatient = patientId(seed, spec.patientIndex);
      const patient = await readIfPresent<Patient>(repo, 'Patient', linkedPatient);
      if (!patient) {
        logger?.info({ email: spec.email }, 'demo patient not in the database: demo account not created');
        continue;
      }
      displayName = patientDisplayName(patient);
    }
    const account = await createAccount(db, { email: spec.email, kind: spec.kind, displayName, passwordHash: hash, patientId: linkedPatient, practitionerId: spec.practitionerId, organizationId: spec.organizationId, roles: spec.roles });
    if (spec.mfa) await storeConfirmedTotp(db, keyring, account.id, DEMO_TOTP_SECRET);
    if (spec.email === DEMO_ACCOUNTS.patientWithMfa) await storeRecoveryCodes(db, account.id, DEMO_RECOVERY_CODES);
    created.push(spec.email);
  }
  if (created.length) logger?.warn({ accounts: created }, 'created DEMO sign-in accounts with published passwords (see README); do not use them with real data');
  return created;
}
