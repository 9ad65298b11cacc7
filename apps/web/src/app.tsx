// The app: providers, the session gate and the lazy screen for the current path.
import { Suspense, useEffect, useState } from 'react';
import { I18nProvider, useI18n } from './i18n/index.js';
import { RouterProvider, useLocation, Link } from './routes/router.js';
import { findScreen, primaryNav, screens, secondaryNav } from './routes/index.js';
import { usePreloadScreens } from './routes/preload-screens.js';
import { maySession } from './fhir-client/identity.js';
import { publicScreens } from './routes/public.js';
import { isStaff, staffNavigation, staffScreens } from './routes/staff-screens.js';
import { SessionProvider, useSession } from './features/identity/session.js';
import { IdleWarning } from './features/identity/idle-warning.js';
import { Shell } from './ui/shell.js';
import { ToastProvider } from './ui/toasts.js';
import { Loading, PageTitle } from './ui/primitives.js';
import { ScreenErrorBoundary } from './ui/screen-error-boundary.js';

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <ToastProvider>
          <SessionProvider>
            <Routes />
          </SessionProvider>
        </ToastProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

function Routes() {
  const { path } = useLocation();
  const { state, signOut } = useSession();
  // Focus moves to the new screen's h1 only after in-app navigation (router.tsx marks it); on the
  // page's first load focus stays at the top, so the skip link is the first Tab stop.

  // While the session is checked, the screen's code for this path is fetched beside it, so the
  // screen draws as soon as the answer comes instead of one download later. It starts after the
  // first frame (an effect), so it never delays that frame. When the session answers first, the
  // app keeps "Loading" until the code is in too: drawing the lazy screen then would show its
  // fallback, and React holds a revealed fallback back ~300 ms. A staff member's "/" fetches the
  // patient Home in vain, a few kilobytes.
  const [fetchingCode, setFetchingCode] = useState(false);
  useEffect(() => {
    const loading = maySession() ? findScreen(screens, path)?.screen.load() : undefined;
    if (!loading) return;
    setFetchingCode(true);
    const settle = () => setFetchingCode(false);
    loading.then(settle, settle);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the path the app opened on
  }, []);

  const staff = state.status === 'signed-in' && isStaff(state.session);
  const candidates = state.status === 'signed-in' ? (staff ? staffScreens(state.session) : screens) : publicScreens;
  const nav = staff && state.status === 'signed-in' ? staffNavigation(state.session) : undefined;
  const { primary, secondary } = nav ?? { primary: primaryNav, secondary: secondaryNav };
  // The other screens' code, fetched when the browser is idle once the first screen is drawn.
  const drawing = state.status === 'signed-in' && !fetchingCode;
  usePreloadScreens(candidates, [...primary, { href: '/more' }, ...secondary].map((item) => item.href), drawing);

  if (state.status === 'loading' || (state.status === 'signed-in' && fetchingCode)) {
    return (
      <Shell signedIn={false}>
        <Loading />
      </Shell>
    );
  }
  let match = findScreen(candidates, path);
  // Signed out on a private path: show sign-in here, and come back to the path afterwards.
  if (!match && state.status !== 'signed-in') match = { screen: publicScreens[0], params: {} };
  const Screen = match?.screen.component;
  return (
    <Shell signedIn={state.status === 'signed-in'} onSignOut={() => void signOut()} nav={nav}>
      {/* Keyed by path: a screen that failed does not keep its message on the next one. */}
      <ScreenErrorBoundary key={path}>
        <Suspense fallback={<Loading />}>{Screen ? <Screen key={path} params={match!.params} /> : <NotFound />}</Suspense>
      </ScreenErrorBoundary>
      {state.status === 'signed-in' && <IdleWarning expiresAt={state.session.expiresAt} />}
    </Shell>
  );
}

function NotFound() {
  const { m } = useI18n();
  return (
    <>
      <PageTitle>{m.errors.notFound}</PageTitle>
      <p>{m.errors.notFoundHelp}</p>
      <Link href="/">{m.nav.home}</Link>
    </>
  );
}
