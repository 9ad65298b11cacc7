import type { Appointment } from '@medplum/fhirtypes';
import { useI18n } from '../../i18n/index.js';
import { chartLanguage } from '#plain-words/record-name.js';
import { AsWritten, ClinicWords } from './clinic-words.js';
import { visitAhead } from './upcoming-visits.js';

/** A booked visit: when, what for, with whom and where; with `detail`, also what to bring (Visits). */
export function AppointmentCard({ appointment, detail = false }: { appointment: Appointment; detail?: boolean }) {
  const { m, formatDate } = useI18n();
  const v = visitAhead(appointment, m);
  // What the clinic typed (the visit's description, what to bring) stays as written, marked as theirs.
  const lang = chartLanguage(appointment);
  const clinicText = detail && (v.description || v.instruction);
  return (
    <li className="card">
      <h3>{v.titleAsWritten ? <AsWritten lang={lang}>{v.title}</AsWritten> : v.title}</h3>
      <p className="meta">{formatDate(v.start, 'dateTime')}</p>
      {v.clinician && <p className="meta">{m.visits.with(v.clinician)}</p>}
      {v.place && <p className="meta">{m.visits.at(v.place)}</p>}
      {clinicText && (
        <ClinicWords lang={lang}>
          {v.description && <p className="meta">{v.description}</p>}
          {v.instruction && <p>{v.instruction}</p>}
        </ClinicWords>
      )}
    </li>
  );
}
