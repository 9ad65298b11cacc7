// Small views shared by the results screens.
import type { Observation } from '@medplum/fhirtypes';
import { useI18n } from '../../i18n/index.js';
import { StatusBadge } from '../../ui/primitives.js';
import { interpretationOf, interpretationTone } from './format-observation.js';

export function InterpretationBadge({ observation }: { observation: Observation }) {
  const { m } = useI18n();
  const i = interpretationOf(observation);
  if (i === 'unknown') return null;
  return <StatusBadge tone={interpretationTone(i)}>{m.results.interpretation[i]}</StatusBadge>;
}

export function SavedNotice({ savedAt }: { savedAt?: string }) {
  const { m, formatDate } = useI18n();
  if (!savedAt) return null;
  return <p className="meta">{m.offline.savedAt(formatDate(savedAt, 'dateTime'))}</p>;
}
