import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { useSession } from '../features/identity/session.js';
import { passkeyOptions, passkeyVerify, signIn, verifyRecoveryCode, verifyTotp, type SignInResult } from '../fhir-client/identity.js';
import { problemText } from '../features/identity/problem-text.js';
import { setCsrfToken } from '../fhir-client/http.js';
import { LanguageSwitch } from '../features/account/language-switch.js';
import { Button, PageTitle } from '../ui/primitives.js';
import { Field } from '../ui/field.js';
import { Link, useLocation, navigate } from './router.js';

export default function SignInScreen() {
  const { m } = useI18n();
  const { state, refresh } = useSession();
  const { path } = useLocation();
  const [step, setStep] = useState<'password' | 'totp' | 'recovery'>('password');
  const [methods, setMethods] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const finish = async (result: SignInResult) => {
    if (result.status === 'mfa-required') {
      // The second step is a state-changing call on the pending session: it needs its CSRF token.
      setCsrfToken(result.csrfToken);
      setMethods(result.methods);
      setStep('totp');
      return;
    }
    await refresh();
    if (path === '/sign-in' || path.startsWith('/enroll') || path.startsWith('/password')) navigate('/', { replace: true });
  };
  const run = async (event: FormEvent<HTMLFormElement>, action: (data: FormData) => Promise<SignInResult>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await finish(await action(new FormData(event.currentTarget)));
    } catch (err) {
      setError(problemText(err, m));
    } finally {
      setBusy(false);
    }
  };
  const withPasskey = async () => {
    setError(undefined);
    try {
      const { startAuthentication } = await import('@simplewebauthn/browser');
      const optionsJSON = (await passkeyOptions()) as Parameters<typeof startAuthentication>[0]['optionsJSON'];
      await finish(await passkeyVerify(await startAuthentication({ optionsJSON })));
    } catch {
      setError(m.identity.passkeyFailed);
    }
  };

  return (
    <>
      <PageTitle>{step === 'password' ? m.identity.signInTitle : m.identity.mfaTitle}</PageTitle>
      {state.status === 'signed-out' && state.reason === 'expired' && <p className="notice">{m.identity.signedOutIdle}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {step === 'password' && (
        <form onSubmit={(e) => void run(e, (d) => signIn(String(d.get('email')), String(d.get('password'))))}>
          <Field label={m.identity.email} name="email" type="email" autoComplete="username webauthn" required />
          <Field label={m.identity.password} name="password" type="password" autoComplete="current-password" required />
          <Button type="submit" block disabled={busy}>
            {busy ? m.identity.signingIn : m.identity.signIn}
          </Button>
        </form>
      )}
      {step === 'totp' && (
        <form onSubmit={(e) => void run(e, (d) => verifyTotp(String(d.get('code')).replace(/\s/g, '')))}>
          <Field label={m.identity.code} hint={m.identity.mfaTotp} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" required />
          <Button type="submit" block disabled={busy}>
            {m.identity.verify}
          </Button>
        </form>
      )}
      {step === 'recovery' && (
        <form onSubmit={(e) => void run(e, (d) => verifyRecoveryCode(String(d.get('code')).trim()))}>
          <Field label={m.identity.recoveryCode} name="code" autoComplete="off" required />
          <Button type="submit" block disabled={busy}>
            {m.identity.verify}
          </Button>
        </form>
      )}
      {step !== 'password' && (
        <p>
          {step === 'totp' && methods.includes('recovery-code') && (
            <Button variant="quiet" onClick={() => setStep('recovery')}>
              {m.identity.useRecovery}
            </Button>
          )}
          {step === 'recovery' && methods.includes('totp') && (
            <Button variant="quiet" onClick={() => setStep('totp')}>
              {m.identity.useTotp}
            </Button>
          )}
          {methods.includes('passkey') && (
            <Button variant="quiet" onClick={() => void withPasskey()}>
              {m.identity.usePasskey}
            </Button>
          )}
        </p>
      )}
      {step === 'password' && (
        <>
          <p style={{ marginTop: '1rem' }}>
            <Button variant="secondary" block onClick={() => void withPasskey()}>
              {m.identity.usePasskey}
            </Button>
          </p>
          <p>
            <Link href="/password/forgot">{m.identity.forgot}</Link>
          </p>
          <p>
            {m.identity.newHere} <Link href="/enroll">{m.identity.enrollLink}</Link>
          </p>
        </>
      )}
      <LanguageSwitch />
    </>
  );
}
