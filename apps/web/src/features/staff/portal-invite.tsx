// "Portal access" on a patient's chart: where the patient stands (no account, a code waiting, an
// account and its last sign-in), then the activation code of the clinic's enrollment path (the
// patient enters it with their birth date), handed on in person and emailed too. A new code retires
// the waiting one, so staff are asked first; a patient with an account gets no form at all.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createActivationCode, portalAccess, type ActivationCode, type PortalAccess } from '../../fhir-client/staff.js';
import { useI18n } from '../../i18n/index.js';
import { Dialog } from '../../ui/dialog.js';
import { Field } from '../../ui/field.js';
import { Button, ErrorMessage, Loading } from '../../ui/primitives.js';
import { useAsync } from '../../ui/use-async.js';
import { problemSlug, problemText } from '../identity/problem-text.js';
import { CopyValue } from './copy-value.js';
import { useStaffText } from './staff-text.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function PortalInvite({ patientId }: { patientId: string }) {
  const t = useStaffText();
  const { formatDate } = useI18n();
  const access = useAsync((signal) => portalAccess(patientId, signal), [patientId]);
  const [replacing, setReplacing] = useState<'asking' | 'yes'>();
  if (access.loading && !access.data) return <Loading />;
  if (access.error !== undefined || !access.data) return <ErrorMessage error={access.error} onRetry={access.reload} />;
  const a = access.data;
  if (a.status === 'account') {
    return (
      <div className="notice">
        <p>{t.invite.statusAccount(formatDate(a.createdAt, 'long'))}</p>
        <p>{a.lastSignInAt ? t.invite.lastSignIn(formatDate(a.lastSignInAt, 'dateTime')) : t.invite.neverSignedIn}</p>
        {a.disabled && <p>{t.invite.accountDisabled}</p>}
      </div>
    );
  }
  if (a.status === 'invited' && replacing !== 'yes') {
    return (
      <>
        <p className="notice">{invitedText(t, a, formatDate(a.expiresAt, 'long'))}</p>
        <Button variant="secondary" onClick={() => setReplacing('asking')}>
          {t.invite.newCode}
        </Button>
        <Dialog
          open={replacing === 'asking'}
          title={t.invite.replaceTitle}
          onClose={() => setReplacing(undefined)}
          actions={<Button onClick={() => setReplacing('yes')}>{t.invite.replace}</Button>}
        >
          <p>{t.invite.replaceBody}</p>
        </Dialog>
      </>
    );
  }
  return (
    <InviteForm
      patientId={patientId}
      intro={a.status === 'none' ? t.invite.statusNone : undefined}
      onDone={() => {
        setReplacing(undefined);
        access.reload();
      }}
    />
  );
}

const invitedText = (t: ReturnType<typeof useStaffText>, a: Extract<PortalAccess, { status: 'invited' }>, until: string) =>
  a.email ? t.invite.statusInvited(a.email, until) : t.invite.statusInvitedNoEmail(until);

/** `onDone`: the staff member has the code and moves on, so the status is read again. */
function InviteForm({ patientId, intro, onDone }: { patientId: string; intro?: string; onDone(): void }) {
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
        <Button variant="secondary" onClick={onDone}>
          {t.invite.another}
        </Button>
      </div>
    );
  }
  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
      {intro && <p className="notice">{intro}</p>}
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
