// The page frame: skip link, banner, main landmark, offline banner and the tab bar navigation.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { Link, useLocation } from '../routes/router.js';
import { primaryNav, secondaryNav, type NavItem } from '../routes/index.js';
import { useOnline } from '../features/offline/use-online.js';
import { Icon } from './icons.js';

/** The places in the tab bar and behind "More"; staff get their own (routes/staff-screens.ts). */
export interface Navigation {
  primary: NavItem[];
  secondary: NavItem[];
}

export function Shell({ children, signedIn, onSignOut, nav = { primary: primaryNav, secondary: secondaryNav } }: { children: ReactNode; signedIn: boolean; onSignOut?: () => void; nav?: Navigation }) {
  const { m } = useI18n();
  const online = useOnline();
  const { path } = useLocation();
  const isCurrent = (item: NavItem) => (item.href === '/' ? path === '/' : path.startsWith(item.href)) || !!item.within?.some((p) => path.startsWith(p));
  const moreCurrent = path === '/more' || nav.secondary.some(isCurrent);
  return (
    <>
      <a className="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <header className="app-header">
        <Link className="brand" href="/">
          {m.appName}
        </Link>
        {signedIn && onSignOut && (
          <div className="header-actions">
            <button type="button" className="button quiet" onClick={onSignOut}>
              {m.nav.signOut}
            </button>
          </div>
        )}
      </header>
      {!online && (
        <p className="offline-banner" role="status">
          {m.offline.banner}
        </p>
      )}
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      {signedIn && (
        <nav className="tab-bar" aria-label={m.nav.main}>
          <ul>
            {nav.primary.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={isCurrent(item) ? 'page' : undefined}>
                  <Icon name={item.icon} />
                  {m.navTab[item.key] ?? m.nav[item.key]}
                </Link>
              </li>
            ))}
            <li>
              <Link href="/more" aria-current={moreCurrent ? 'page' : undefined}>
                <Icon name="more" />
                {m.nav.more}
              </Link>
            </li>
          </ul>
        </nav>
      )}
    </>
  );
}
