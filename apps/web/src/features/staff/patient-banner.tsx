// Whose chart is open: name (the screen's heading), date of birth, sex and MRN, always on top of a
// staff patient screen so nobody acts on the wrong chart.
import { useI18n } from '../../i18n/index.js';
import { PageTitle } from '../../ui/primitives.js';
import type { PatientSummary } from './patient-search.js';
import { useStaffText } from './staff-text.js';
import './staff.css';

export function PatientBanner({ patient }: { patient: PatientSummary }) {
  const t = useStaffText();
  const { formatDate } = useI18n();
  return (
    <div className="patient-banner">
      <PageTitle>{patient.name || t.patient.unnamed}</PageTitle>
      <dl className="facts">
        <dt>{t.patient.birthDate}</dt>
        <dd>{formatDate(patient.birthDate, 'long')}</dd>
        <dt>{t.patient.sex}</dt>
        <dd>{t.patient.sexes[patient.gender ?? 'unknown'] ?? t.patient.sexes.unknown}</dd>
        <dt>{t.patient.mrn}</dt>
        <dd>{patient.mrn ?? t.patient.noMrn}</dd>
      </dl>
    </div>
  );
}
