// The list of common and breached passwords NIST SP 800-63B §5.1.1.2 asks verifiers to check
// against: the ~49,000-entry common-password dictionary of the MIT-licensed zxcvbn-ts project
// (frequency-ranked passwords from public breach corpora), shipped as an npm package.
import { dictionary } from '@zxcvbn-ts/language-common';

let list: Set<string> | undefined;

export function commonPasswords(): Set<string> {
  if (!list) {
    const words = (dictionary as Record<string, string[]>)['passwords-common'] ?? [];
    list = new Set(words.map((w) => w.toLowerCase()));
  }
  return list;
}
