// The staff app: staff and administrators get these screens and this navigation instead of the
// patient's. Every screen is its own lazy chunk, so a patient's phone never downloads them. Later
// staff work (messages, refills, appointments, forms) adds its screens here and its place to
// `staffNavigation` when the screens exist: no dead links.
import type { SessionInfo } from '../fhir-client/identity.js';
import type { Navigation } from '../ui/shell.js';
import { lazyScreen, type NavItem, type Screen } from './index.js';

export const isStaff = (session: Pick<SessionInfo, 'kind'>) => session.kind === 'staff' || session.kind === 'admin';

const forStaff: Screen[] = [
  lazyScreen('/', () => import('./staff-home-screen.js')),
  lazyScreen('/staff/patients/:id', () => import('./staff-patient-screen.js')),
  lazyScreen('/account', () => import('./account-screen.js')),
  lazyScreen('/more', () => import('./staff-more-screen.js')),
];

const forAdmins: Screen[] = [
  lazyScreen('/staff/apps', () => import('./staff-apps-screen.js')),
  lazyScreen('/staff/apps/new', () => import('./staff-register-app-screen.js')),
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
