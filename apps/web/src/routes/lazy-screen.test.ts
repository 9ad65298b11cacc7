import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findScreen, lazyScreen, ScreenCodeError } from './index.js';

function Screen() {
  return null;
}

test('a screen whose code was fetched ahead is drawn directly, and keeps that component', async () => {
  const screen = lazyScreen('/results', async () => ({ default: Screen }));
  await screen.load();
  assert.equal(screen.component, Screen, 'no lazy wrapper, so React has nothing to suspend on');
  assert.equal(screen.component, Screen, 'the same type on every draw, or React would remount the screen');
});

test('a screen drawn before its code arrived stays the lazy component after the code arrives', async () => {
  let finish!: (module: { default: typeof Screen }) => void;
  const screen = lazyScreen('/visits', () => new Promise((resolve) => (finish = resolve)));
  const first = screen.component;
  assert.notEqual(first, Screen);
  const loading = screen.load();
  finish({ default: Screen });
  await loading;
  assert.equal(screen.component, first, 'switching to the plain component would remount the screen and load its data twice');
});

test('findScreen picks the first matching path with its parameters', () => {
  const list = [lazyScreen('/results', async () => ({ default: Screen })), lazyScreen('/results/:id', async () => ({ default: Screen }))];
  assert.equal(findScreen(list, '/results')?.screen, list[0]);
  assert.deepEqual(findScreen(list, '/results/abc')?.params, { id: 'abc' });
  assert.equal(findScreen(list, '/visits'), undefined);
});

test('code that could not be fetched fails as ScreenCodeError, and the next opening fetches it again', async () => {
  let attempts = 0;
  const screen = lazyScreen('/visits', async () => {
    attempts++;
    if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
    return { default: Screen };
  });
  const failed = screen.component;
  await assert.rejects(screen.load(), (err: unknown) => err instanceof ScreenCodeError && err.cause instanceof TypeError);
  await screen.load();
  assert.equal(attempts, 2, 'a failed fetch is not kept');
  assert.equal(screen.component, Screen, 'nothing was drawn through the failed component, so the loaded code is drawn directly');
  assert.notEqual(screen.component, failed, 'lazy() keeps a rejection for good');
});
