// "New" marks on test results: a result is new until the patient opens it. Kept per patient in
// localStorage for now (a server-side read flag can replace this later).
import { useCallback, useState } from 'react';

const keyFor = (patientId: string) => `portico.opened-results.${patientId}`;

function readOpened(patientId: string): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(keyFor(patientId)) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

export function markResultOpened(patientId: string, observationId: string): void {
  const opened = readOpened(patientId);
  if (opened.has(observationId)) return;
  opened.add(observationId);
  try {
    localStorage.setItem(keyFor(patientId), JSON.stringify([...opened]));
  } catch {
    /* storage full or blocked: the mark simply stays */
  }
}

export function useOpenedResults(patientId: string): { isNew(id: string | undefined): boolean; refresh(): void } {
  const [opened, setOpened] = useState(() => readOpened(patientId));
  const refresh = useCallback(() => setOpened(readOpened(patientId)), [patientId]);
  // Stable while nothing was opened, so lists of results can skip redrawing.
  const isNew = useCallback((id: string | undefined) => Boolean(id) && !opened.has(id!), [opened]);
  return { isNew, refresh };
}
