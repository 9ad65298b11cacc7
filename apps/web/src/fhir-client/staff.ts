// The staff app's calls: patient search and encounters through the ordinary FHIR API (the server's
// access layer decides which patients a staff member reaches), EHR launch, and the administrators'
// app registry (docs/api/smart.md).
import type { Bundle, Encounter, Patient } from '@medplum/fhirtypes';
import { request } from './http.js';
import { FHIR_BASE, read } from './fhir.js';

function matchesOf<T>(bundle: Bundle, type: string): T[] {
  return (bundle.entry ?? []).filter((e) => e.resource?.resourceType === type && e.search?.mode !== 'include').map((e) => e.resource as T);
}

/** One page of Patient matches; `params` may repeat a name (FHIR search ANDs repeated parameters). */
export async function searchPatients(params: [string, string][], signal?: AbortSignal): Promise<Patient[]> {
  const bundle = await request<Bundle>(`${FHIR_BASE}/Patient?${new URLSearchParams(params)}`, { signal });
  return matchesOf<Patient>(bundle, 'Patient');
}

export const readPatient = (id: string, signal?: AbortSignal) => read('Patient', id, signal);

/** The patient's most recent encounters, newest first. */
export async function recentEncounters(patientId: string, count: number, signal?: AbortSignal): Promise<Encounter[]> {
  const bundle = await request<Bundle>(`${FHIR_BASE}/Encounter?${new URLSearchParams({ patient: patientId, _sort: '-date', _count: String(count) })}`, { signal });
  return matchesOf<Encounter>(bundle, 'Encounter');
}

export interface LaunchableApp {
  clientId: string;
  name: string;
}
export const launchableApps = (signal?: AbortSignal) => request<{ apps: LaunchableApp[] }>('/api/smart/launchable-apps', { signal });

/** Starts an EHR launch; open `launchUrl` (it carries `iss` and `launch`). */
export const startLaunch = (body: { clientId: string; patientId: string; encounterId?: string }) =>
  request<{ launchUrl: string; launch: string }>('/api/smart/launch', { method: 'POST', body });

export type ClientType = 'public' | 'confidential-symmetric' | 'confidential-asymmetric';

export interface RegisteredApp {
  clientId: string;
  name: string;
  type: ClientType;
  backend: boolean;
  redirectUris: string[];
  launchUrl: string | null;
  jwksUrl: string | null;
  jwksKeys: number;
  registration: 'staff-app' | 'command-line' | 'dynamic';
  registeredAt: string;
  registeredBy: string | null;
  status: 'active' | 'disabled';
  disabledAt: string | null;
  disabledBy: string | null;
}

export interface AppRegistration {
  name: string;
  type: ClientType;
  redirectUris: string[];
  jwksUrl?: string;
  jwks?: { keys: object[] };
  backend?: boolean;
  launchUrl?: string;
}

export const registeredApps = (signal?: AbortSignal) => request<{ apps: RegisteredApp[] }>('/api/admin/apps', { signal });
export const registerApp = (body: AppRegistration) => request<{ app: RegisteredApp; clientSecret?: string }>('/api/admin/apps', { method: 'POST', body });
export const disableApp = (clientId: string) => request<void>(`/api/admin/apps/${encodeURIComponent(clientId)}`, { method: 'DELETE' });

export interface ActivationCode {
  code: string;
  expiresAt: string;
  email: string;
}
/** A one-time code the patient enters with their birth date to create a portal account (identity API). */
export const createActivationCode = (patientId: string, email: string) =>
  request<ActivationCode>(`/api/staff/patients/${encodeURIComponent(patientId)}/activation-codes`, { method: 'POST', body: { email } });

/** Where the patient stands with the portal (identity API), shown before a code is created. */
export type PortalAccess =
  | { status: 'none' }
  | { status: 'invited'; email: string | null; expiresAt: string; createdAt: string }
  | { status: 'account'; createdAt: string; lastSignInAt: string | null; disabled: boolean };
export const portalAccess = (patientId: string, signal?: AbortSignal) => request<PortalAccess>(`/api/staff/patients/${encodeURIComponent(patientId)}/portal-access`, { signal });
