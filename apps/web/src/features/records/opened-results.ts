// "New" on test results: released in the last few days (NEW_RESULT_DAYS on the server, by the
// result's issued date) and not opened yet by this account. The server keeps which results were
// opened (GET/POST /api/records/opened-results), so opening one on the phone clears it on the
// laptop too; an old result is never new, whether opened or not.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { fetchOpenedResults, postResultOpened, type OpenedResults } from '../../fhir-client/identity.js';
import { cachedLoad } from '../offline/cached-load.js';

export type { OpenedResults };

const DAY_MS = 86_400_000;

/**
 * Results opened in this tab, per patient: the mark counts at once (before the server has it, or
 * offline) and is sent again on the next load if sending it failed.
 */
const openedHere = new Map<string, Set<string>>();
const openedHereFor = (patientId: string) => openedHere.get(patientId) ?? openedHere.set(patientId, new Set()).get(patientId)!;

/** `isNew(id, released)`: whether a result released at `released` and not opened yet is new at `now`. */
export type IsNewResult = (observationId: string | undefined, released?: string) => boolean;

/** Pure: the "new" test over what the server said was opened (nothing is new before it answers). */
export function newResultTest(opened: OpenedResults | undefined, alsoOpened: ReadonlySet<string> = new Set(), now = Date.now()): IsNewResult {
  if (!opened) return () => false;
  const seen = new Set(opened.opened);
  const since = now - opened.newForDays * DAY_MS;
  return (id, released) => {
    if (!id || !released || seen.has(id) || alsoOpened.has(id)) return false;
    const at = Date.parse(released);
    return !Number.isNaN(at) && at >= since;
  };
}

/** What the server says was opened; marks it has not got yet are sent again. */
export async function loadOpenedResults(patientId: string, signal?: AbortSignal): Promise<OpenedResults> {
  const value = await fetchOpenedResults(signal);
  const missing = [...openedHereFor(patientId)].filter((id) => !value.opened.includes(id));
  for (const id of missing) void postResultOpened(id).catch(() => undefined);
  return value;
}

const listeners = new Set<() => void>();

export function markResultOpened(patientId: string, observationId: string): void {
  const here = openedHereFor(patientId);
  if (here.has(observationId)) return;
  here.add(observationId);
  void postResultOpened(observationId).catch(() => undefined /* sent again by the next load */);
  for (const listener of listeners) listener();
}

/** The "new" test for one patient's results, counting results opened in this tab at once. */
export function useNewResultTest(patientId: string, opened: OpenedResults | undefined): IsNewResult {
  const [marks, setMarks] = useState(0);
  useEffect(() => {
    const listener = () => setMarks((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  // Stable while nothing is opened, so lists of results can skip redrawing.
  return useMemo(() => newResultTest(opened, new Set(openedHereFor(patientId))), [opened, patientId, marks]);
}

/** For screens that do not load the openings with their own data (Test results). */
export function useOpenedResults(patientId: string): { isNew: IsNewResult; refresh(): void } {
  const [opened, setOpened] = useState<OpenedResults>();
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    // Saved for offline reading like any screen's data (Home saves its copy with its own).
    cachedLoad(`${patientId}:opened-results`, () => loadOpenedResults(patientId, controller.signal)).then(({ value }) => setOpened(value), () => undefined /* no "New" marks, the list still shows */);
    return () => controller.abort();
  }, [patientId, asked]);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  return { isNew: useNewResultTest(patientId, opened), refresh };
}
