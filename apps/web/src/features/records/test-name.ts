// Lab test and panel names live with the other plain-name tables in packages/plain-words, shared
// with the printed record; Home still imports them from here.
export { labTestName } from '#plain-words/test-name.js';
