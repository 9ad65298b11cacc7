// Network first; what loaded is saved encrypted for offline reading; when the network is down the
// saved copy is shown with the time it was saved.
import { ApiError } from '../../fhir-client/http.js';
import { loadRecord, saveRecord } from './secure-store.js';

export interface Loaded<T> {
  value: T;
  /** Set when the value came from the offline store. */
  savedAt?: string;
}

export async function cachedLoad<T>(key: string, load: () => Promise<T>): Promise<Loaded<T>> {
  try {
    const value = await load();
    void saveRecord(key, value).catch(() => undefined);
    return { value };
  } catch (err) {
    if (!(err instanceof ApiError && err.kind === 'network')) throw err;
    const saved = await loadRecord<T>(key).catch(() => undefined);
    if (!saved) throw new Error('offline-not-saved');
    return saved;
  }
}
