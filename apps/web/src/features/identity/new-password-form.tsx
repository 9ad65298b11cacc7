import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.js';
import { Button } from '../../ui/primitives.js';
import { Field } from '../../ui/field.js';
import { problemText } from './problem-text.js';
import { takeLinkToken } from './link-token.js';

/** A "choose a password" form for a token from an email link (enrollment or password reset). */
export function NewPasswordForm({ onSubmit }: { onSubmit(token: string, password: string): Promise<void> }) {
  const { m } = useI18n();
  const [token] = useState(takeLinkToken);
  const [error, setError] = useState<string>();
  if (!token) return <p className="notice">{m.identity.linkMissing}</p>;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    try {
      await onSubmit(token, String(new FormData(event.currentTarget).get('password')));
    } catch (err) {
      setError(problemText(err, m));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <Field label={m.identity.newPassword} hint={m.identity.passwordHint} name="password" type="password" autoComplete="new-password" minLength={12} required />
      <Button type="submit" block>
        {m.save}
      </Button>
    </form>
  );
}
