// The screen table. Every screen is its own lazy chunk, so the first download stays small.
// Screens for features that do not exist yet (messages, appointments, billing, forms, family
// access) are simply not listed: no dead links.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Messages } from '../i18n/en.js';

type ScreenModule = { default: ComponentType<{ params: Record<string, string> }> };

export interface Screen {
  path: string;
  component: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;
  /** Public screens are reachable without a session (sign-in, enrollment, password reset). */
  public?: boolean;
}

export function lazyScreen(path: string, load: () => Promise<ScreenModule>, options: { public?: boolean } = {}): Screen {
  return { path, component: lazy(load), ...options };
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
