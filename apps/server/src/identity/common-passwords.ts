// The list of common and breached passwords NIST SP 800-63B §5.1.1.2 asks verifiers to check
// against: the ~49,000-entry common-password dictionary of the MIT-licensed zxcvbn-ts project
// (frequency-ranked passwords from public breach corpora), shipped as an npm package.
import { createRequire } from 'node:module';

// Loaded on the first password check, not at start: the dictionaries cost the server ~15 MB of
// memory, and most requests never set a password.
const require = createRequire(import.meta.url);

let list: Set<string> | undefined;

export function commonPasswords(): Set<string> {
  if (!list) {
    const { dictionary } = require('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
    const words = dictionary['passwords-common'] ?? [];
    list = new Set(words.map((w) => w.toLowerCase()));
  }
  return list;
}
