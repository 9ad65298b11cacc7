// A per-client cap on FHIR requests in flight, in this process (each app node counts its own). One
// client firing many costly requests at once (batches of searches, parallel scripts) would otherwise
// take most of the database pool and slow every other patient and clinician; above the cap it is
// answered 429 with Retry-After (RFC 6585 §4) and may retry, while everyone else goes on. The cap
// counts requests, not their cost: statement timeouts (db/pool.ts) and the bundle size cap
// (bundle/parse-bundle.ts) bound what each one can do.
import { FhirError, outcome } from '#fhir/outcomes.js';
import type { Principal } from '../access/principal.js';

/** Seconds a client is asked to wait before retrying after a 429. */
export const CONCURRENCY_RETRY_AFTER_SECONDS = 1;

export class ClientConcurrency {
  private readonly inFlight = new Map<string, number>();

  constructor(readonly maxPerClient: number) {}

  /** Counts a request of `principal` in; returns its release (call once), or throws 429 when full. */
  enter(principal: Principal): () => void {
    const key = clientKey(principal);
    const now = this.inFlight.get(key) ?? 0;
    if (now >= this.maxPerClient) {
      throw new FhirError(
        429,
        outcome('error', 'throttled', `Too many requests at once: at most ${this.maxPerClient} requests of one client are handled at a time. Wait for an answer before sending more.`),
        { 'retry-after': String(CONCURRENCY_RETRY_AFTER_SECONDS) },
      );
    }
    this.inFlight.set(key, now + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(key);
      else this.inFlight.set(key, left);
    };
  }

  /** Requests in flight for one principal (for tests and diagnostics). */
  count(principal: Principal): number {
    return this.inFlight.get(clientKey(principal)) ?? 0;
  }
}

/** Who counts as one client: a user (whatever their session), an app for one user, an operator token. */
function clientKey(principal: Principal): string {
  switch (principal.kind) {
    case 'system':
      return `system:${principal.name}`;
    case 'patient':
    case 'staff':
      return `user:${principal.userId}`;
    case 'app':
      return `app:${principal.clientId}:${principal.userId ?? principal.patientId ?? ''}`;
  }
}
