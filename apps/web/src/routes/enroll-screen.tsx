import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { useSession } from '../features/identity/session.js';
import { enrollSelf, enrollWithActivation } from '../fhir-client/identity.js';
import { problemText } from '../features/identity/problem-text.js';
import { Button, PageTitle } from '../ui/primitives.js';
import { Field } from '../ui/field.js';
import { Link, navigate } from './router.js';

export default function EnrollScreen() {
  const { m } = useI18n();
  const { refresh } = useSession();
  const [path, setPath] = useState<'activation' | 'self'>('activation');
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    const d = new FormData(event.currentTarget);
    const get = (k: string) => String(d.get(k) ?? '').trim();
    try {
      if (path === 'activation') {
        await enrollWithActivation(get('code'), get('birthDate'), String(d.get('password')));
        await refresh();
        navigate('/account?setup=mfa', { replace: true });
      } else {
        if (!get('mrn') && !get('phoneLast4')) return setError(m.identity.mrnOrPhone);
        await enrollSelf({ givenName: get('givenName'), familyName: get('familyName'), birthDate: get('birthDate'), email: get('email'), ...(get('mrn') ? { mrn: get('mrn') } : {}), ...(get('phoneLast4') ? { phoneLast4: get('phoneLast4') } : {}) });
        setSent(true);
      }
    } catch (err) {
      setError(problemText(err, m));
    }
  };
  return (
    <>
      <PageTitle>{m.identity.enrollTitle}</PageTitle>
      <fieldset className="field" style={{ border: 'none', padding: 0 }}>
        <legend className="visually-hidden">{m.identity.enrollTitle}</legend>
        <label className="row" style={{ justifyContent: 'flex-start', minHeight: 44 }}>
          <input type="radio" name="path" checked={path === 'activation'} onChange={() => setPath('activation')} /> {m.identity.enrollActivation}
        </label>
        <label className="row" style={{ justifyContent: 'flex-start', minHeight: 44 }}>
          <input type="radio" name="path" checked={path === 'self'} onChange={() => setPath('self')} /> {m.identity.enrollSelf}
        </label>
      </fieldset>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {sent ? (
        <p className="notice" role="status">
          {m.identity.checkEmailEnroll}
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} key={path}>
          {path === 'activation' ? (
            <>
              <p>{m.identity.enrollActivationHelp}</p>
              <Field label={m.identity.activationCode} name="code" autoComplete="off" autoCapitalize="characters" required />
              <Field label={m.identity.birthDate} name="birthDate" type="date" autoComplete="bday" required />
              <Field label={m.identity.setPassword} hint={m.identity.passwordHint} name="password" type="password" autoComplete="new-password" minLength={12} required />
              <Button type="submit" block>
                {m.identity.createAccount}
              </Button>
            </>
          ) : (
            <>
              <p>{m.identity.enrollSelfHelp}</p>
              <Field label={m.identity.givenName} name="givenName" autoComplete="given-name" required />
              <Field label={m.identity.familyName} name="familyName" autoComplete="family-name" required />
              <Field label={m.identity.birthDate} name="birthDate" type="date" autoComplete="bday" required />
              <Field label={m.identity.email} name="email" type="email" autoComplete="email" required />
              <Field label={m.identity.mrn} name="mrn" autoComplete="off" />
              <Field label={m.identity.phoneLast4} name="phoneLast4" inputMode="numeric" pattern="[0-9]{4}" autoComplete="off" />
              <Button type="submit" block>
                {m.identity.sendLink}
              </Button>
            </>
          )}
        </form>
      )}
      <p>
        <Link href="/sign-in">{m.identity.signIn}</Link>
      </p>
    </>
  );
}
