import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findScreen, lazyScreen } from './index.js';

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
