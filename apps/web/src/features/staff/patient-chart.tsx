// A patient's chart for staff: lab results with trends, medicines, problems, allergies, vaccines,
// vital signs, recent visits, and notes and documents. The patient app's components in their dense
// form, laid out in columns on the wide screens staff use (one column on a phone). Each part loads
// and fails on its own, so a slow search does not hold back the rest.
import type { DocumentReference, Encounter } from '@medplum/fhirtypes';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.js';
import { ErrorMessage, Loading, Button } from '../../ui/primitives.js';
import { useAsync, type AsyncState } from '../../ui/use-async.js';
import { attachmentBlob, attachmentOf, noteText } from '../records/attachments.js';
import { periodStart, referenceText } from '../records/format-common.js';
import { isActiveMedication } from '../records/format-medication.js';
import { VITAL_KINDS, groupVitals } from '../records/format-vitals.js';
import { AllergyList, ImmunizationTable, ProblemList, VitalCards } from '../records/health-summary-lists.js';
import { MedicineCard } from '../records/medicine-card.js';
import { openBlob } from '../records/save-file.js';
import { documentTitle, visitTitle } from '../records/visit-title.js';
import { ChartResults } from './chart-results.js';
import { LAB_RESULTS, loadDocuments, loadHealthSummary, loadLabResults, loadMedications } from './load-chart.js';
import { useStaffText } from './staff-text.js';

function Part<T>({ id, title, state, wide = false, children }: { id: string; title: string; state: AsyncState<T>; wide?: boolean; children(data: T): ReactNode }) {
  return (
    <section aria-labelledby={id} className={wide ? 'chart-part wide' : 'chart-part'}>
      <h2 id={id}>{title}</h2>
      {state.loading && !state.data ? <Loading /> : state.error !== undefined || !state.data ? <ErrorMessage error={state.error} onRetry={state.reload} /> : children(state.data)}
    </section>
  );
}

/** `encounters`: the recent visits the screen already loaded for "Open an app". */
export function PatientChart({ patientId, encounters }: { patientId: string; encounters: AsyncState<Encounter[]> }) {
  const t = useStaffText();
  const labs = useAsync((signal) => loadLabResults(patientId, signal), [patientId]);
  const meds = useAsync((signal) => loadMedications(patientId, signal), [patientId]);
  const summary = useAsync((signal) => loadHealthSummary(patientId, signal), [patientId]);
  const documents = useAsync((signal) => loadDocuments(patientId, signal), [patientId]);
  return (
    <div className="staff-chart">
      <Part id="chart-results" title={t.chart.results} state={labs} wide>
        {(d) => <ChartResults results={d.results} more={d.more} count={LAB_RESULTS} />}
      </Part>
      <Part id="chart-medicines" title={t.chart.medicines} state={meds}>
        {(list) => {
          const active = list.filter(isActiveMedication);
          const past = list.filter((r) => !isActiveMedication(r) && r.status !== 'entered-in-error');
          return (
            <>
              <h3>{t.chart.activeMeds}</h3>
              {active.length === 0 ? <p>{t.chart.noActiveMeds}</p> : <ul className="list">{active.map((r) => <MedicineCard key={r.id} req={r} dense />)}</ul>}
              <details>
                <summary>{t.chart.pastMeds}</summary>
                {past.length === 0 ? <p>{t.chart.noPastMeds}</p> : <ul className="list">{past.map((r) => <MedicineCard key={r.id} req={r} dense />)}</ul>}
              </details>
            </>
          );
        }}
      </Part>
      <Part id="chart-problems" title={t.chart.problems} state={summary}>
        {(s) => <ProblemList conditions={s.conditions} dense />}
      </Part>
      <Part id="chart-allergies" title={t.chart.allergies} state={summary}>
        {(s) => <AllergyList allergies={s.allergies} dense />}
      </Part>
      <Part id="chart-immunizations" title={t.chart.immunizations} state={summary}>
        {(s) => (s.immunizations.length === 0 ? <p>{t.chart.noImmunizations}</p> : <ImmunizationTable immunizations={s.immunizations} />)}
      </Part>
      <Part id="chart-vitals" title={t.chart.vitals} state={summary} wide>
        {(s) => <ChartVitals vitals={s.vitals} birthDate={s.patient.birthDate} />}
      </Part>
      <Part id="chart-visits" title={t.chart.visits} state={encounters}>
        {(list) => <RecentVisits encounters={list} />}
      </Part>
      <Part id="chart-notes" title={t.chart.notes} state={documents}>
        {(docs) => <NotesAndDocuments documents={docs} encounters={encounters.data ?? []} />}
      </Part>
    </div>
  );
}

function ChartVitals({ vitals, birthDate }: { vitals: Parameters<typeof groupVitals>[0]; birthDate?: string }) {
  const { m } = useI18n();
  const groups = groupVitals(vitals);
  // Head size is a child's measure, as on the patient's Health summary.
  const child = birthDate !== undefined && Date.now() - Date.parse(birthDate) < 18 * 365.25 * 86_400_000;
  const kinds = VITAL_KINDS.filter((k) => groups.has(k) && (child || k !== 'headCirc'));
  if (kinds.length === 0) return <p>{m.summary.noVitals}</p>;
  return (
    <div className="card-grid">
      <VitalCards vitals={groups} kinds={kinds} dense />
    </div>
  );
}

/** Shown whether or not any app can be opened: staff read the visits to answer and decide. */
function RecentVisits({ encounters }: { encounters: Encounter[] }) {
  const t = useStaffText();
  const { m, locale, formatDate } = useI18n();
  if (encounters.length === 0) return <p>{t.chart.noVisits}</p>;
  return (
    <ul className="list">
      {encounters.map((e) => {
        const who = e.participant?.find((p) => p.individual)?.individual;
        return (
          <li key={e.id} className="card dense">
            <div className="row">
              <h3>{visitTitle(e, locale, m)}</h3>
              <span className="meta">{t.visit.status[e.status] ?? t.visit.status.unknown}</span>
            </div>
            <p className="meta">{formatDate(periodStart(e.period), 'long')}</p>
            {who && <p className="meta">{m.visits.with(referenceText(who, m.fallback.clinician))}</p>}
          </li>
        );
      })}
    </ul>
  );
}

function NotesAndDocuments({ documents, encounters }: { documents: DocumentReference[]; encounters: Encounter[] }) {
  const t = useStaffText();
  const { m, locale, formatDate } = useI18n();
  if (documents.length === 0) return <p>{t.chart.noNotes}</p>;
  const visitOf = (doc: DocumentReference) => {
    const ref = doc.context?.encounter?.[0]?.reference;
    const e = ref ? encounters.find((x) => ref.endsWith(`Encounter/${x.id}`)) : undefined;
    return e ? visitTitle(e, locale, m) : undefined;
  };
  return (
    <ul className="list">
      {documents.map((doc) => {
        const attachment = attachmentOf(doc);
        const text = noteText(attachment);
        const blob = text === undefined && attachment ? attachmentBlob(attachment) : undefined;
        const title = documentTitle(doc, locale, m.documents.kindUnknown);
        const visit = visitOf(doc);
        return (
          <li key={doc.id} className="card dense">
            <h3>{title}</h3>
            <p className="meta">
              {formatDate(doc.date, 'long')}
              {visit ? ` · ${t.chart.noteOf(visit)}` : ''}
            </p>
            {text !== undefined && (
              <details>
                <summary>{t.chart.readNote}</summary>
                <div className="note-text">{text}</div>
              </details>
            )}
            {blob && (
              <Button variant="secondary" onClick={() => openBlob(blob)} aria-label={`${m.documents.view}: ${title}`}>
                {m.documents.view}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
