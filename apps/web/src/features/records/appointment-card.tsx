import type { Appointment } from '@medplum/fhirtypes';
import { useI18n } from '../../i18n/index.js';
import { visitAhead } from './upcoming-visits.js';

/** A booked visit: when, what for, with whom and where; with `detail`, also what to bring (Visits). */
export function AppointmentCard({ appointment, detail = false }: { appointment: Appointment; detail?: boolean }) {
  const { m, formatDate } = useI18n();
  const v = visitAhead(appointment, m);
  return (
    <li className="card">
      <h3>{v.title}</h3>
      <p className="meta">{formatDate(v.start, 'dateTime')}</p>
      {detail && v.description && <p className="meta">{v.description}</p>}
      {v.clinician && <p className="meta">{m.visits.with(v.clinician)}</p>}
      {v.place && <p className="meta">{m.visits.at(v.place)}</p>}
      {detail && v.instruction && <p>{v.instruction}</p>}
    </li>
  );
}
