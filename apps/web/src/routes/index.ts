// The screen table. Every screen is its own lazy chunk, so the first download stays small.
// Screens for features that do not exist yet (messages, appointments, billing, forms, family
// access) are simply not listed: no dead links.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Messages } from '../i18n/en.js';

export interface Screen {
  path: string;
  component: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;
  /** Public screens are reachable without a session (sign-in, enrollment, password reset). */
  public?: boolean;
}

export const screens: Screen[] = [
  { path: '/', component: lazy(() => import('./home-screen.js')) },
  { path: '/results', component: lazy(() => import('./results-screen.js')) },
  { path: '/results/:id', component: lazy(() => import('./result-detail-screen.js')) },
  { path: '/medications', component: lazy(() => import('./medications-screen.js')) },
  { path: '/summary', component: lazy(() => import('./summary-screen.js')) },
  { path: '/visits', component: lazy(() => import('./visits-screen.js')) },
  { path: '/visits/:id', component: lazy(() => import('./visit-detail-screen.js')) },
  { path: '/documents', component: lazy(() => import('./documents-screen.js')) },
  { path: '/download', component: lazy(() => import('./download-screen.js')) },
  { path: '/account', component: lazy(() => import('./account-screen.js')) },
  { path: '/apps', component: lazy(() => import('./connected-apps-screen.js')) },
  { path: '/more', component: lazy(() => import('./more-screen.js')) },
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
