// The Test results screen's state: the first page through useRecord (network first, saved
// encrypted for offline reading), older pages on demand. What has been viewed is saved again
// after each page, so everything the patient scrolled through stays readable offline.
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePatient } from '../identity/session.js';
import { saveRecord } from '../offline/secure-store.js';
import { addLabPage, loadLabHistory, loadLabPage, type LabHistory } from './lab-history.js';
import { useRecord } from './use-record.js';

/** Offline store key (per patient); not the old "lab-results" key, whose saved value had another shape. */
const KEY = 'lab-history';

export interface LabHistoryState {
  history?: LabHistory;
  savedAt?: string;
  loading: boolean;
  error: unknown;
  reload(): void;
  olderLoading: boolean;
  olderError: unknown;
  loadOlder(): void;
}

export function useLabHistory(): LabHistoryState {
  const { patientId } = usePatient();
  const first = useRecord(KEY, loadLabHistory);
  const firstPage = first.data?.value;
  // Older pages extend the first page they were loaded after; a reload starts again from page one.
  const [older, setOlder] = useState<{ after: LabHistory; history: LabHistory } | undefined>();
  const [olderState, setOlderState] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: undefined });
  const history = older && older.after === firstPage ? older.history : firstPage;
  const inFlight = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => inFlight.current?.abort(), []);

  const loadOlder = useCallback(() => {
    if (!firstPage || !history?.next || inFlight.current) return;
    const controller = new AbortController();
    inFlight.current = controller;
    setOlderState({ loading: true, error: undefined });
    loadLabPage(patientId, history.next, controller.signal).then(
      (page) => {
        inFlight.current = undefined;
        if (controller.signal.aborted) return;
        const next = addLabPage(history, page);
        setOlder({ after: firstPage, history: next });
        setOlderState({ loading: false, error: undefined });
        void saveRecord(`${patientId}:${KEY}`, next).catch(() => undefined);
      },
      (error: unknown) => {
        inFlight.current = undefined;
        if (!controller.signal.aborted) setOlderState({ loading: false, error });
      },
    );
  }, [firstPage, history, patientId]);

  return { history, savedAt: first.data?.savedAt, loading: first.loading, error: first.error, reload: first.reload, olderLoading: olderState.loading, olderError: olderState.error, loadOlder };
}
