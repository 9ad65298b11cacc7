import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../i18n/en.js';
import { es } from '../../i18n/es.js';
import { deviceName } from './device-name.js';

test('signed-in devices are named by browser and system, never by the raw User-Agent', () => {
  assert.equal(deviceName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', en), 'Chrome on Linux');
  assert.equal(deviceName('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', en), 'Safari on iPhone');
  assert.equal(deviceName('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', es), 'Chrome en Android');
  assert.equal(deviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', en), 'Edge on Windows');
  assert.equal(deviceName('curl/8.5.0', en), 'Another device');
  assert.equal(deviceName('', es), 'Otro dispositivo');
});
