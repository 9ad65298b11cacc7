import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { usePatient } from '../features/identity/session.js';
import { useLabHistory } from '../features/records/use-lab-history.js';
import { useOpenedResults } from '../features/records/opened-results.js';
import { ResultGroupSection } from '../features/records/result-group.js';
import { SavedNotice } from '../features/records/result-views.js';
import { Button, ErrorMessage, Loading, PageTitle } from '../ui/primitives.js';

/** Panels drawn in the first task: about a phone screen and a half. */
const FIRST_PANELS = 3;

export default function ResultsScreen() {
  const { m } = useI18n();
  const { patientId } = usePatient();
  const { isNew } = useOpenedResults(patientId);
  const lab = useLabHistory();
  const { savedAt, error, loading, reload, olderLoading, olderError, loadOlder } = lab;
  // The list is drawn as a transition, which React splits into short slices, so a page of results
  // never blocks taps and scrolling for long on a slow phone (the skeleton stays until it is ready).
  const history = useDeferredValue(lab.history);
  const groups = history?.groups ?? [];
  // The newest panels are drawn first and the rest of the page in a later task: one commit of a
  // whole page of cards blocked the main thread for 100-300 ms on a slow phone.
  const [allDrawn, setAllDrawn] = useState(false);
  useEffect(() => {
    if (allDrawn || groups.length <= FIRST_PANELS) return;
    const timer = setTimeout(() => setAllDrawn(true));
    return () => clearTimeout(timer);
  }, [allDrawn, groups.length]);
  const drawn = allDrawn ? groups : groups.slice(0, FIRST_PANELS);
  // After "Show older results", focus moves to the first added panel, so keyboard and screen reader
  // users land on what was added instead of staying on the button below it.
  const focusFrom = useRef<number | undefined>(undefined);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === undefined || olderLoading || groups.length <= from) return;
    focusFrom.current = undefined;
    document.getElementById(`group-${from}`)?.focus();
  }, [groups.length, olderLoading]);
  const showOlder = () => {
    focusFrom.current = groups.length;
    loadOlder();
  };

  return (
    <>
      <PageTitle>{m.results.title}</PageTitle>
      <p>{m.results.intro}</p>
      {!history && (loading || lab.history) && <ResultsSkeleton />}
      {error !== undefined && <ErrorMessage error={error} onRetry={reload} />}
      {history && <SavedNotice savedAt={savedAt} />}
      {history && groups.length === 0 && !history.next && <p>{m.results.none}</p>}
      {drawn.map((group, gi) => (
        <ResultGroupSection key={group.report?.id ?? `day-${group.date ?? gi}`} group={group} index={gi} isNew={isNew} />
      ))}
      {olderError !== undefined && <ErrorMessage error={olderError} onRetry={showOlder} />}
      {history?.next ? (
        <p>
          <Button variant="secondary" block onClick={showOlder} disabled={olderLoading} aria-busy={olderLoading}>
            {olderLoading ? m.results.loadingOlder : m.results.showOlder}
          </Button>
        </p>
      ) : (
        groups.length > 0 && <p className="meta">{m.results.allShown}</p>
      )}
    </>
  );
}

/** Placeholder panels the size of real ones, so the page does not jump when results arrive. */
function ResultsSkeleton() {
  return (
    <>
      <Loading />
      <div aria-hidden="true">
        {[3, 2].map((cards, i) => (
          <div key={i} className="skeleton-group">
            <div className="skeleton skeleton-heading" />
            <div className="skeleton skeleton-line" />
            {Array.from({ length: cards }, (_, j) => (
              <div key={j} className="card skeleton-card" />
            ))}
          </div>
        ))}
      </div>
    </>
  );
}
