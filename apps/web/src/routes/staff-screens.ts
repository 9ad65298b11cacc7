// The staff app: staff and administrators get these screens and this navigation instead of the
// patient's. Every screen is its own lazy chunk, so a patient's phone never downloads them. Later
// staff work (messages, refills, appointments, forms) adds its screens here and its place to
// `staffNavigation` when the screens exist: no dead links.
import { lazy } from 'react';
import type { SessionInfo } from '../fhir-client/identity.js';
import type { Navigation } from '../ui/shell.js';
import type { NavItem, Screen } from './index.js';

export const isStaff = (session: Pick<SessionInfo, 'kind'>) => session.kind === 'staff' || session.kind === 'admin';

const forStaff: Screen[] = [
  { path: '/', component: lazy(() => import('./staff-home-screen.js')) },
  { path: '/staff/patients/:id', component: lazy(() => import('./staff-patient-screen.js')) },
  { path: '/account', component: lazy(() => import('./account-screen.js')) },
  { path: '/more', component: lazy(() => import('./staff-more-screen.js')) },
];

const forAdmins: Screen[] = [
  { path: '/staff/apps', component: lazy(() => import('./staff-apps-screen.js')) },
  { path: '/staff/apps/new', component: lazy(() => import('./staff-register-app-screen.js')) },
];

export function staffScreens(session: Pick<SessionInfo, 'kind'>): Screen[] {
  return session.kind === 'admin' ? [...forStaff, ...forAdmins] : forStaff;
}

const patients: NavItem = { href: '/', key: 'patients', icon: 'patients', within: ['/staff/patients'] };
const apps: NavItem = { href: '/staff/apps', key: 'appRegistry', icon: 'apps' };
const account: NavItem = { href: '/account', key: 'account', icon: 'account' };

export function staffNavigation(session: Pick<SessionInfo, 'kind'>): Navigation {
  return { primary: session.kind === 'admin' ? [patients, apps] : [patients], secondary: [account] };
}
