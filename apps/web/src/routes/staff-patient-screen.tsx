// A patient's chart for staff: the banner, the chart (results, medicines, problems, … visits and
// notes), "Open an app" (EHR launch) with the visit, if any, the app opens with (one of the recent
// encounters), and portal access (an activation code).
import { useState } from 'react';
import { AppLauncher } from '../features/staff/app-launcher.js';
import { EncounterPicker } from '../features/staff/encounter-picker.js';
import { PatientBanner } from '../features/staff/patient-banner.js';
import { PatientChart } from '../features/staff/patient-chart.js';
import { PortalInvite } from '../features/staff/portal-invite.js';
import { patientSummary } from '../features/staff/patient-search.js';
import { useStaffText } from '../features/staff/staff-text.js';
import { readPatient, recentEncounters } from '../fhir-client/staff.js';
import { ErrorMessage, Loading, PageTitle } from '../ui/primitives.js';
import { useAsync } from '../ui/use-async.js';
import { Link } from './router.js';

const RECENT_VISITS = 8;

export default function StaffPatientScreen({ params }: { params: Record<string, string> }) {
  const t = useStaffText();
  const id = params.id;
  const patient = useAsync((signal) => readPatient(id, signal).then(patientSummary), [id]);
  const encounters = useAsync((signal) => recentEncounters(id, RECENT_VISITS, signal), [id]);
  const [encounterId, setEncounterId] = useState('');

  if (patient.loading && !patient.data) return <Loading />;
  if (patient.error !== undefined || !patient.data) {
    return (
      <>
        <PageTitle>{t.patient.banner}</PageTitle>
        <ErrorMessage error={patient.error} onRetry={patient.reload} />
        <p>
          <Link href="/">{t.patient.findAnother}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PatientBanner patient={patient.data} />
      <p>
        <Link href="/">{t.patient.findAnother}</Link>
      </p>
      <PatientChart patientId={id} encounters={encounters} />
      <section aria-labelledby="open-app">
        <h2 id="open-app">{t.launch.title}</h2>
        <AppLauncher
          patientId={id}
          encounterId={encounterId || undefined}
          visitPicker={
            encounters.loading && !encounters.data ? (
              <Loading />
            ) : encounters.error !== undefined || !encounters.data ? (
              <ErrorMessage error={encounters.error} onRetry={encounters.reload} />
            ) : (
              <EncounterPicker encounters={encounters.data} value={encounterId} onChange={setEncounterId} />
            )
          }
        />
      </section>
      <section aria-labelledby="portal-access">
        <h2 id="portal-access">{t.invite.title}</h2>
        <PortalInvite patientId={id} />
      </section>
    </>
  );
}
