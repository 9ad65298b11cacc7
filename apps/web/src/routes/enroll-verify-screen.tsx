import { useI18n } from '../i18n/index.js';
import { useSession } from '../features/identity/session.js';
import { enrollVerify } from '../fhir-client/identity.js';
import { NewPasswordForm } from '../features/identity/new-password-form.js';
import { PageTitle } from '../ui/primitives.js';
import { navigate } from './router.js';

export default function EnrollVerifyScreen() {
  const { m } = useI18n();
  const { refresh } = useSession();
  return (
    <>
      <PageTitle>{m.identity.setPassword}</PageTitle>
      <NewPasswordForm
        onSubmit={async (token, password) => {
          await enrollVerify(token, password);
          await refresh();
          navigate('/account?setup=mfa', { replace: true });
        }}
      />
    </>
  );
}
