// A signed-in device as people name it ("Chrome on iPhone"), not the browser's User-Agent string,
// which is jargon. Order matters: an iPhone says "like Mac OS X", Android and ChromeOS say "Linux",
// Edge and Opera say "Chrome", and Chrome says "Safari".
import type { Messages } from '../../i18n/en.js';

const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser/, 'Samsung Internet'],
  [/Firefox\/|FxiOS/, 'Firefox'],
  [/Chrome\/|CriOS|Chromium/, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/CrOS/, 'ChromeOS'],
  [/Macintosh|Mac OS X/, 'Mac'],
  [/Linux/, 'Linux'],
];

const first = (list: [RegExp, string][], text: string) => list.find(([re]) => re.test(text))?.[1];

export function deviceName(userAgent: string, m: Messages): string {
  const browser = first(BROWSERS, userAgent);
  const system = first(SYSTEMS, userAgent);
  if (browser && system) return m.identity.browserOn(browser, system);
  return browser ?? system ?? m.identity.otherDevice;
}
