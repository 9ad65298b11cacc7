// Screen data for the signed-in patient: network first, saved encrypted for offline reading.
import { usePatient } from '../identity/session.js';
import { cachedLoad, type Loaded } from '../offline/cached-load.js';
import { useAsync, type AsyncState } from '../../ui/use-async.js';

export function useRecord<T>(key: string, load: (patientId: string, signal: AbortSignal) => Promise<T>): AsyncState<Loaded<T>> {
  const { patientId } = usePatient();
  return useAsync((signal) => cachedLoad(`${patientId}:${key}`, () => load(patientId, signal)), [patientId, key]);
}
