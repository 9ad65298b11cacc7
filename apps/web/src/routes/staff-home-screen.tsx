// Staff home: find a patient. (Staff and administrators land here after signing in.)
import { PatientFinder } from '../features/staff/patient-finder.js';
import { useStaffText } from '../features/staff/staff-text.js';
import { PageTitle } from '../ui/primitives.js';

export default function StaffHomeScreen() {
  const t = useStaffText();
  return (
    <>
      <PageTitle>{t.finder.title}</PageTitle>
      <p>{t.finder.intro}</p>
      <PatientFinder />
    </>
  );
}
