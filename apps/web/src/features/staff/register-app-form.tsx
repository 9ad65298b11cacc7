// "Register an app": name, client type, backend flag, redirect URIs, launch URL and, for
// private_key_jwt, the app's public keys. After registering, the client ID and (for a client secret
// app) the secret are shown once, with copy buttons and a plain warning.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { registerApp, type ClientType, type RegisteredApp } from '../../fhir-client/staff.js';
import { useI18n } from '../../i18n/index.js';
import { Field } from '../../ui/field.js';
import { Button } from '../../ui/primitives.js';
import { problemText } from '../identity/problem-text.js';
import { emptyDraft, toRegistration, type DraftField, type DraftProblem, type RegistrationDraft } from './app-registration.js';
import { CopyValue } from './copy-value.js';
import { CheckboxField, RadioGroup, TextAreaField } from './form-controls.js';
import { useStaffText } from './staff-text.js';
import './staff.css';

const TYPES: ClientType[] = ['public', 'confidential-symmetric', 'confidential-asymmetric'];

export function RegisterAppForm() {
  const t = useStaffText();
  const { m } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<RegistrationDraft>(emptyDraft);
  const [problems, setProblems] = useState<Partial<Record<DraftField, DraftProblem>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<{ app: RegisteredApp; secret?: string }>();
  const set = <K extends keyof RegistrationDraft>(key: K) => (value: RegistrationDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const problem = (field: DraftField) => (problems[field] ? t.register[problems[field]] : undefined);

  // After a refused submit, the first field that needs attention takes focus (WCAG 3.3.1).
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[aria-describedby*="error"] input:checked')?.focus();
  }, [problems]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = toRegistration(draft);
    if ('problems' in checked) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    setError(undefined);
    try {
      const { app, clientSecret } = await registerApp(checked.body);
      setDone({ app, secret: clientSecret });
    } catch (err) {
      setError(problemText(err, m));
    } finally {
      setBusy(false);
    }
  };

  if (done) return <Registered app={done.app} secret={done.secret} />;
  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
      <Field label={t.register.name} hint={t.register.nameHint} value={draft.name} onChange={(e) => set('name')(e.target.value)} maxLength={200} autoComplete="off" error={problem('name')} />
      <RadioGroup
        legend={t.register.type}
        name="type"
        value={draft.type}
        onChange={set('type')}
        error={problem('type')}
        choices={TYPES.map((type) => ({ value: type, label: t.apps.types[type], hint: t.register.typeHints[type] }))}
      />
      <CheckboxField label={t.register.backend} hint={t.register.backendHint} checked={draft.backend} onChange={set('backend')} />
      {!draft.backend && (
        <>
          <TextAreaField label={t.register.redirectUris} hint={t.register.redirectUrisHint} value={draft.redirectUris} onChange={(e) => set('redirectUris')(e.target.value)} rows={3} spellCheck={false} autoCapitalize="off" error={problem('redirectUris')} />
          <Field label={t.register.launchUrl} hint={t.register.launchUrlHint} type="url" inputMode="url" value={draft.launchUrl} onChange={(e) => set('launchUrl')(e.target.value)} autoComplete="off" error={problem('launchUrl')} />
        </>
      )}
      {draft.type === 'confidential-asymmetric' && (
        <>
          <Field label={t.register.jwksUrl} hint={t.register.jwksUrlHint} type="url" inputMode="url" value={draft.jwksUrl} onChange={(e) => set('jwksUrl')(e.target.value)} autoComplete="off" error={problem('jwksUrl')} />
          <TextAreaField label={t.register.jwks} hint={t.register.jwksHint} value={draft.jwks} onChange={(e) => set('jwks')(e.target.value)} rows={5} spellCheck={false} autoCapitalize="off" error={problem('jwks')} />
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <Button type="submit" block disabled={busy}>
        {busy ? t.register.submitting : t.register.submit}
      </Button>
    </form>
  );
}

function Registered({ app, secret }: { app: RegisteredApp; secret?: string }) {
  const t = useStaffText();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is replaced by the result: focus moves to its heading so screen readers announce it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="registered-app">
      <h2 id="registered-app" ref={heading} tabIndex={-1}>
        {t.register.done(app.name)}
      </h2>
      <p>{t.register.doneIntro}</p>
      <CopyValue label={t.register.clientId} value={app.clientId} />
      {secret && (
        <>
          <p className="notice warning">
            <strong>{t.register.secretWarning}</strong>
          </p>
          <CopyValue label={t.register.secret} value={secret} />
        </>
      )}
    </section>
  );
}
