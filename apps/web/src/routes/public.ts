// Screens reachable without a session. The first one is shown for any private path when signed out.
import { lazyScreen, type Screen } from './index.js';

export const publicScreens: Screen[] = [
  lazyScreen('/sign-in', () => import('./sign-in-screen.js'), { public: true }),
  lazyScreen('/enroll', () => import('./enroll-screen.js'), { public: true }),
  lazyScreen('/enroll/verify', () => import('./enroll-verify-screen.js'), { public: true }),
  lazyScreen('/password/forgot', () => import('./password-forgot-screen.js'), { public: true }),
  lazyScreen('/password/reset', () => import('./password-reset-screen.js'), { public: true }),
];
