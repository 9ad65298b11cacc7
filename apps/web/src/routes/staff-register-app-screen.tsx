// Administrators: register an app (a SMART client).
import { RegisterAppForm } from '../features/staff/register-app-form.js';
import { useStaffText } from '../features/staff/staff-text.js';
import { PageTitle } from '../ui/primitives.js';
import { Link } from './router.js';

export default function StaffRegisterAppScreen() {
  const t = useStaffText();
  return (
    <>
      <PageTitle>{t.register.title}</PageTitle>
      <RegisterAppForm />
      <p>
        <Link href="/staff/apps">{t.register.backToApps}</Link>
      </p>
    </>
  );
}
