import { useI18n } from '../i18n/index.js';
import { resetPassword } from '../fhir-client/identity.js';
import { NewPasswordForm } from '../features/identity/new-password-form.js';
import { PageTitle } from '../ui/primitives.js';
import { useToast } from '../ui/toasts.js';
import { navigate } from './router.js';

export default function PasswordResetScreen() {
  const { m } = useI18n();
  const toast = useToast();
  return (
    <>
      <PageTitle>{m.identity.resetTitle}</PageTitle>
      <NewPasswordForm
        onSubmit={async (token, password) => {
          await resetPassword(token, password);
          toast(m.identity.passwordChanged);
          navigate('/sign-in', { replace: true });
        }}
      />
    </>
  );
}
