// The screen table. Every screen is its own lazy chunk, so the first download stays small.
// Screens for features that do not exist yet (messages, appointments, billing, forms, family
// access) are simply not listed: no dead links.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Messages } from '../i18n/en.js';
import { matchPath } from './router.js';

type ScreenComponent = ComponentType<{ params: Record<string, string> }>;
type ScreenModule = { default: ScreenComponent };

export interface Screen {
  path: string;
  readonly component: ScreenComponent | LazyExoticComponent<ScreenComponent>;
  /** Fetches the screen's code without drawing it (the same module the component loads). */
  load: () => Promise<ScreenModule>;
  /** Public screens are reachable without a session (sign-in, enrollment, password reset). */
  public?: boolean;
}

/**
 * The screen's code could not be fetched (offline before it was saved on this device, or a network
 * failure). Thrown from the lazy component so the screen's error boundary can say so in words.
 */
export class ScreenCodeError extends Error {
  constructor(path: string, options: { cause: unknown }) {
    super(`The code of the screen ${path} could not be loaded`, options);
    this.name = 'ScreenCodeError';
  }
}

export function lazyScreen(path: string, load: () => Promise<ScreenModule>, options: { public?: boolean } = {}): Screen {
  let loaded: ScreenComponent | undefined;
  let lazyChosen = false;
  const loadOnce = () =>
    load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (cause: unknown) => {
        // lazy() keeps a rejection for good: a fresh one lets the next opening fetch the code again
        // (where the browser retries a failed import). Nothing was drawn through the failed one, so
        // the type may change.
        suspending = lazy(loadOnce);
        lazyChosen = false;
        throw new ScreenCodeError(path, { cause });
      },
    );
  let suspending = lazy(loadOnce);
  return {
    path,
    load: loadOnce,
    // Code fetched ahead (App fetches the opening screen's beside the session check, and the
    // other screens' when the browser is idle) is drawn directly: through lazy() it would suspend
    // for a tick, and React holds a revealed Suspense boundary back ~300 ms after its fallback,
    // which every first opening would pay. Once chosen, the component type never changes, or
    // React would remount the screen and reload it.
    get component() {
      if (loaded && !lazyChosen) return loaded;
      lazyChosen = true;
      return suspending;
    },
    ...options,
  };
}

/** The first screen whose path matches, with the path's parameters. */
export function findScreen(candidates: Screen[], path: string): { screen: Screen; params: Record<string, string> } | undefined {
  for (const screen of candidates) {
    const params = matchPath(screen.path, path);
    if (params) return { screen, params };
  }
  return undefined;
}

export const screens: Screen[] = [
  lazyScreen('/', () => import('./home-screen.js')),
  lazyScreen('/results', () => import('./results-screen.js')),
  lazyScreen('/results/:id', () => import('./result-detail-screen.js')),
  lazyScreen('/medications', () => import('./medications-screen.js')),
  lazyScreen('/summary', () => import('./summary-screen.js')),
  lazyScreen('/visits', () => import('./visits-screen.js')),
  lazyScreen('/visits/:id', () => import('./visit-detail-screen.js')),
  lazyScreen('/documents', () => import('./documents-screen.js')),
  lazyScreen('/download', () => import('./download-screen.js')),
  lazyScreen('/account', () => import('./account-screen.js')),
  lazyScreen('/apps', () => import('./connected-apps-screen.js')),
  lazyScreen('/more', () => import('./more-screen.js')),
];

export type NavKey = keyof Pick<Messages['nav'], 'home' | 'results' | 'medications' | 'summary' | 'visits' | 'documents' | 'download' | 'account' | 'apps' | 'patients' | 'appRegistry'>;

export interface NavItem {
  href: string;
  key: NavKey;
  icon: 'home' | 'results' | 'meds' | 'summary' | 'visits' | 'documents' | 'download' | 'account' | 'apps' | 'patients';
  /** Deeper paths that belong to this place, so its tab stays marked there. */
  within?: string[];
}

/** The tab bar (phones): the four most used places, then "More". */
export const primaryNav: NavItem[] = [
  { href: '/', key: 'home', icon: 'home' },
  { href: '/results', key: 'results', icon: 'results' },
  { href: '/medications', key: 'medications', icon: 'meds' },
  { href: '/visits', key: 'visits', icon: 'visits' },
];

/** Behind "More". New capabilities add their item here when their screens exist. */
export const secondaryNav: NavItem[] = [
  { href: '/summary', key: 'summary', icon: 'summary' },
  { href: '/documents', key: 'documents', icon: 'documents' },
  { href: '/download', key: 'download', icon: 'download' },
  { href: '/apps', key: 'apps', icon: 'apps' },
  { href: '/account', key: 'account', icon: 'account' },
];
