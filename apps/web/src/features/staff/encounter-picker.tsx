// The visit an app opens with (the encounter in the launch context), or none: the chart only. A
// native select: compact on a phone, so "Open an app" stays in view.
import { useId } from 'react';
import type { Encounter } from '@medplum/fhirtypes';
import { useI18n } from '../../i18n/index.js';
import { conceptText, periodStart } from '../records/format-common.js';
import { useStaffText } from './staff-text.js';

export function EncounterPicker({ encounters, value, onChange }: { encounters: Encounter[]; value: string; onChange(id: string): void }) {
  const t = useStaffText();
  const { m, formatDate } = useI18n();
  const id = useId();
  if (encounters.length === 0) return <p>{t.visit.noVisits}</p>;
  const kind = (e: Encounter) => m.visits.class[e.class?.code ?? ''] ?? m.fallback.visit;
  const title = (e: Encounter) => (e.type?.[0] ? conceptText(e.type[0], kind(e)) : kind(e));
  return (
    <div className="field">
      <label htmlFor={id}>{t.visit.label}</label>
      <span className="hint" id={`${id}-hint`}>
        {t.visit.hint}
      </span>
      <select id={id} aria-describedby={`${id}-hint`} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t.visit.chartOnly}</option>
        {encounters.map((e) => (
          <option key={e.id} value={e.id}>
            {`${formatDate(periodStart(e.period), 'long')} · ${title(e)} (${t.visit.status[e.status] ?? t.visit.status.unknown})`}
          </option>
        ))}
      </select>
    </div>
  );
}
