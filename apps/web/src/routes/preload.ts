// The current screen's chunk starts downloading together with GET /api/session instead of after
// it answers: one round trip less before a signed-in patient sees the screen on a slow network.
// Until the session is known the guess is the patient's screen for the path, else a public one;
// a wrong guess (a staff member on "/", a signed-out visit) costs one small chunk.
import { screens } from './index.js';
import { publicScreens } from './public.js';
import { matchPath } from './router.js';

export function preloadLikelyScreen(path: string): void {
  const likely = [...screens, ...publicScreens].find((screen) => matchPath(screen.path, path));
  // A failed preload is not an error: rendering imports the chunk again and shows its own error.
  void likely?.preload().catch(() => undefined);
}
