// Fetches the code of the screens the signed-in person can open, one at a time, when the browser is
// idle after the first screen is drawn. A screen's first opening then draws at once instead of
// waiting for its code and for React's Suspense hold (about 0.3 s on a phone, decision 0017), and
// the code is in memory should the connection drop. It never competes with the first screen: it
// starts after the page's load event and in idle time, and the initial download is unchanged.
import { useEffect } from 'react';
import type { Screen } from './index.js';
import { findScreen } from './index.js';

/** The screens in the order to fetch them: the places the navigation offers first, then the rest. */
export function preloadOrder(candidates: Screen[], navHrefs: string[]): Screen[] {
  const first = navHrefs.map((href) => findScreen(candidates, href)?.screen).filter((s): s is Screen => s !== undefined);
  return [...new Set([...first, ...candidates])];
}

type Idle = (run: () => void) => () => void;

// Safari has no requestIdleCallback: a short timer after the load event stands in for it.
const whenIdle: Idle = (run) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run);
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
};

const afterLoad = (run: () => void): (() => void) => {
  if (document.readyState === 'complete') return whenIdle(run);
  let cancel = () => window.removeEventListener('load', onLoad);
  const onLoad = () => (cancel = whenIdle(run));
  window.addEventListener('load', onLoad, { once: true });
  return () => cancel();
};

/**
 * Fetches `screens`' code one after another, each in its own idle period. Returns a stop function.
 * A failed fetch is left alone: the screen fetches its code again when it is opened.
 */
export function preloadScreens(screens: Screen[], idle: Idle = whenIdle, start: Idle = afterLoad): () => void {
  let stopped = false;
  let cancel = () => {};
  const next = (i: number) => {
    if (stopped || i >= screens.length) return;
    cancel = idle(() => {
      if (stopped) return;
      const done = () => next(i + 1);
      screens[i].load().then(done, done);
    });
  };
  cancel = start(() => next(0));
  return () => {
    stopped = true;
    cancel();
  };
}

/** Preloads once `ready` (signed in, first screen drawn); the data-saver setting turns it off. */
export function usePreloadScreens(candidates: Screen[], navHrefs: string[], ready: boolean): void {
  const key = ready ? [...candidates.map((s) => s.path), '|', ...navHrefs].join(' ') : '';
  useEffect(() => {
    if (!ready) return;
    if ((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData) return;
    return preloadScreens(preloadOrder(candidates, navHrefs));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key names the screens
  }, [key]);
}
