import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lazyScreen, type Screen } from './index.js';
import { preloadOrder, preloadScreens } from './preload-screens.js';

function View() {
  return null;
}

function tracked(path: string, fetched: string[], fail = false): Screen {
  return lazyScreen(path, async () => {
    fetched.push(path);
    if (fail) throw new TypeError('Failed to fetch dynamically imported module');
    return { default: View };
  });
}

test('the navigation\'s places come first, then the other screens, each once', () => {
  const fetched: string[] = [];
  const list = ['/', '/results', '/results/:id', '/medications', '/more'].map((p) => tracked(p, fetched));
  assert.deepEqual(
    preloadOrder(list, ['/medications', '/', '/more', '/nowhere']).map((s) => s.path),
    ['/medications', '/', '/more', '/results', '/results/:id'],
  );
});

test('screens are fetched one per idle period, only after the start signal, and a failure does not stop the rest', async () => {
  const fetched: string[] = [];
  const list = [tracked('/a', fetched), tracked('/b', fetched, true), tracked('/c', fetched)];
  const idle: (() => void)[] = [];
  let started: (() => void) | undefined;
  preloadScreens(list, (run) => (idle.push(run), () => {}), (run) => ((started = run), () => {}));
  assert.equal(idle.length, 0, 'nothing is scheduled before the page has loaded');
  started!();
  for (let i = 0; i < 3; i++) {
    assert.equal(idle.length, 1, 'one screen per idle period');
    idle.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  }
  assert.deepEqual(fetched, ['/a', '/b', '/c']);
  assert.equal(list[0].component, View, 'a fetched screen draws without suspending');
});

test('stopping cancels what is scheduled and fetches nothing more', async () => {
  const fetched: string[] = [];
  const list = [tracked('/a', fetched), tracked('/b', fetched)];
  const idle: (() => void)[] = [];
  let cancelled = 0;
  const stop = preloadScreens(list, (run) => (idle.push(run), () => cancelled++), (run) => (run(), () => {}));
  idle.shift()!();
  await new Promise((r) => setTimeout(r, 0));
  stop();
  assert.equal(cancelled, 1);
  idle.shift()?.();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(fetched, ['/a']);
});
