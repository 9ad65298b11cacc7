import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { usePatient } from '../features/identity/session.js';
import { changePassword } from '../fhir-client/identity.js';
import { problemText } from '../features/identity/problem-text.js';
import { LanguageSwitch } from '../features/account/language-switch.js';
import { AccessLogPanel, MfaPanel, SessionsPanel } from '../features/account/security-panels.js';
import { Button, PageTitle } from '../ui/primitives.js';
import { Field } from '../ui/field.js';
import { useToast } from '../ui/toasts.js';
import { useLocation } from './router.js';

export default function AccountScreen() {
  const { m } = useI18n();
  const session = usePatient();
  const toast = useToast();
  const { query } = useLocation();
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const d = new FormData(form);
    setError(undefined);
    try {
      await changePassword(String(d.get('current')), String(d.get('new')));
      form.reset();
      toast(m.identity.passwordSaved);
    } catch (err) {
      setError(problemText(err, m));
    }
  };
  return (
    <>
      <PageTitle>{m.account.title}</PageTitle>
      <section aria-labelledby="profile">
        <h2 id="profile">{m.account.profile}</h2>
        <dl>
          <dt>{m.account.name}</dt>
          <dd>{session.displayName}</dd>
          {session.email && (
            <>
              <dt>{m.account.email}</dt>
              <dd>{session.email}</dd>
            </>
          )}
        </dl>
        <LanguageSwitch />
      </section>
      <section aria-labelledby="mfa">
        <h2 id="mfa">{query.get('setup') === 'mfa' ? m.identity.mfaSetupTitle : m.account.mfa}</h2>
        <MfaPanel />
      </section>
      <section aria-labelledby="password">
        <h2 id="password">{m.account.password}</h2>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <form onSubmit={(e) => void submit(e)}>
          <Field label={m.identity.currentPassword} name="current" type="password" autoComplete="current-password" required />
          <Field label={m.identity.newPassword} hint={m.identity.passwordHint} name="new" type="password" autoComplete="new-password" minLength={12} required />
          <Button type="submit">{m.save}</Button>
        </form>
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions">{m.account.sessions}</h2>
        <SessionsPanel />
      </section>
      {/* Only a patient's chart has an access log; staff accesses appear in their patients' logs. */}
      {(session.kind ?? 'patient') === 'patient' && (
        <section aria-labelledby="access">
          <h2 id="access">{m.account.accessLog}</h2>
          <AccessLogPanel />
        </section>
      )}
    </>
  );
}
