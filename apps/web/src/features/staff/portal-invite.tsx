// "Portal access" on a patient's chart: staff create the activation code of the clinic's enrollment
// path (the patient enters it with their birth date) and hand it on in person; it is emailed too.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createActivationCode, type ActivationCode } from '../../fhir-client/staff.js';
import { useI18n } from '../../i18n/index.js';
import { Field } from '../../ui/field.js';
import { Button } from '../../ui/primitives.js';
import { problemSlug, problemText } from '../identity/problem-text.js';
import { CopyValue } from './copy-value.js';
import { useStaffText } from './staff-text.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function PortalInvite({ patientId }: { patientId: string }) {
  const t = useStaffText();
  const { m, formatDate } = useI18n();
  const [email, setEmail] = useState('');
  const form = useRef<HTMLFormElement>(null);
  // Counts refused submits, so each one moves focus to the field that needs attention (WCAG 3.3.1).
  const [refused, setRefused] = useState(0);
  const invalid = refused > 0;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<ActivationCode>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!EMAIL.test(email.trim())) {
      setRefused((n) => n + 1);
      return;
    }
    setRefused(0);
    setBusy(true);
    setError(undefined);
    try {
      setCreated(await createActivationCode(patientId, email.trim()));
    } catch (err) {
      setError(problemSlug(err) === 'account-exists' ? t.invite.exists : problemText(err, m));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (refused) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refused]);

  if (created) {
    return (
      <div role="status">
        <CopyValue label={t.invite.code} value={created.code} />
        <p>{t.invite.created(created.email, formatDate(created.expiresAt, 'long'))}</p>
        <p>{t.invite.howTo(`${window.location.origin}/enroll`, m.identity.enrollActivation)}</p>
        <Button variant="secondary" onClick={() => setCreated(undefined)}>
          {t.invite.another}
        </Button>
      </div>
    );
  }
  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
      <p>{t.invite.intro}</p>
      <Field label={t.invite.email} hint={t.invite.emailHint} type="email" inputMode="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} error={invalid ? t.invite.emailProblem : undefined} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <Button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? t.invite.creating : t.invite.create}
      </Button>
    </form>
  );
}
