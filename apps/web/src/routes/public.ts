// Screens reachable without a session. The first one is shown for any private path when signed out.
import { lazy } from 'react';
import type { Screen } from './index.js';

const signIn = lazy(() => import('./sign-in-screen.js'));
export const publicScreens: Screen[] = [
  { path: '/sign-in', component: signIn, public: true },
  { path: '/enroll', component: lazy(() => import('./enroll-screen.js')), public: true },
  { path: '/enroll/verify', component: lazy(() => import('./enroll-verify-screen.js')), public: true },
  { path: '/password/forgot', component: lazy(() => import('./password-forgot-screen.js')), public: true },
  { path: '/password/reset', component: lazy(() => import('./password-reset-screen.js')), public: true },
];
