import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { forgotPassword } from '../fhir-client/identity.js';
import { problemText } from '../features/identity/problem-text.js';
import { Button, PageTitle } from '../ui/primitives.js';
import { Field } from '../ui/field.js';
import { Link } from './router.js';

export default function PasswordForgotScreen() {
  const { m } = useI18n();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    try {
      await forgotPassword(String(new FormData(event.currentTarget).get('email')));
      // Our own words in the app's language (the server's `detail` is English).
      setDone(m.identity.checkEmailReset);
    } catch (err) {
      setError(problemText(err, m));
    }
  };
  return (
    <>
      <PageTitle>{m.identity.resetTitle}</PageTitle>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <Field label={m.identity.email} name="email" type="email" autoComplete="email" required />
          <Button type="submit" block>
            {m.identity.sendResetLink}
          </Button>
        </form>
      )}
      <p>
        <Link href="/sign-in">{m.identity.signIn}</Link>
      </p>
    </>
  );
}
