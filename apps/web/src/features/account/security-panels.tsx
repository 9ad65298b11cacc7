// Account security: two-step sign-in (TOTP with QR + manual key + recovery codes, passkeys),
// signed-in devices with sign-out-everywhere, and the access log.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.js';
import {
  accessLog, endSession, listSessions, mfaStatus, passkeyRegistrationOptions, passkeyRegistrationVerify, signOutEverywhere, totpConfirm, totpSetup,
  type AccessLogEntry,
} from '../../fhir-client/identity.js';
import { useAsync } from '../../ui/use-async.js';
import { Button, ErrorMessage, Loading } from '../../ui/primitives.js';
import { Field } from '../../ui/field.js';
import { useToast } from '../../ui/toasts.js';
import { useSession } from '../identity/session.js';
import { problemText } from '../identity/problem-text.js';
import { deviceName } from './device-name.js';

export function MfaPanel() {
  const { m } = useI18n();
  const toast = useToast();
  const status = useAsync(() => mfaStatus(), []);
  // The session says whether to suggest two-step sign-in (Home); re-read it once a method is added.
  const { refresh } = useSession();
  const [setup, setSetup] = useState<{ secret: string; qrSvgDataUrl: string }>();
  const [codes, setCodes] = useState<string[]>();
  const [error, setError] = useState<string>();
  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    try {
      const r = await totpConfirm(String(new FormData(event.currentTarget).get('code')).replace(/\s/g, ''));
      setCodes(r.recoveryCodes);
      setSetup(undefined);
      status.reload();
      void refresh();
    } catch (err) {
      setError(problemText(err, m));
    }
  };
  const addPasskey = async () => {
    setError(undefined);
    try {
      const { startRegistration } = await import('@simplewebauthn/browser');
      const optionsJSON = (await passkeyRegistrationOptions()) as Parameters<typeof startRegistration>[0]['optionsJSON'];
      await passkeyRegistrationVerify(await startRegistration({ optionsJSON }), navigator.platform || 'Passkey');
      toast(m.identity.passkeyAdded);
      status.reload();
      void refresh();
    } catch {
      setError(m.identity.passkeyFailed);
    }
  };
  if (status.loading && !status.data) return <Loading />;
  if (status.error !== undefined) return <ErrorMessage error={status.error} onRetry={status.reload} />;
  const s = status.data!;
  return (
    <div>
      <p>{m.identity.mfaIntro}</p>
      <p>
        <strong>{s.totp || s.passkeys.length ? m.identity.mfaOn : m.identity.mfaOff}</strong>
        {s.passkeys.length > 0 && ` ${m.identity.passkeys(s.passkeys.length)}`}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {codes && (
        <div className="notice">
          <h3>{m.identity.recoveryTitle}</h3>
          <p>{m.identity.recoveryHelp}</p>
          <ul>
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!s.totp && !setup && (
        <Button onClick={() => void totpSetup().then(setSetup, (err: unknown) => setError(problemText(err, m)))}>{m.identity.mfaStart}</Button>
      )}
      {setup && (
        <form onSubmit={(e) => void confirm(e)}>
          <p>{m.identity.mfaScan}</p>
          <img src={setup.qrSvgDataUrl} alt={m.identity.mfaQrAlt} width={200} height={200} />
          <p>
            {m.identity.mfaManual} <code data-testid="totp-secret">{setup.secret}</code>
          </p>
          <Field label={m.identity.code} name="code" inputMode="numeric" autoComplete="one-time-code" required />
          <Button type="submit">{m.identity.verify}</Button>
        </form>
      )}
      <p style={{ marginTop: '0.75rem' }}>
        <Button variant="secondary" onClick={() => void addPasskey()}>
          {m.identity.addPasskey}
        </Button>
      </p>
    </div>
  );
}

export function SessionsPanel() {
  const { m, formatDate } = useI18n();
  const { signOut } = useSession();
  const list = useAsync(() => listSessions(), []);
  if (list.loading && !list.data) return <Loading />;
  if (list.error !== undefined) return <ErrorMessage error={list.error} onRetry={list.reload} />;
  return (
    <div>
      <ul className="list">
        {list.data!.sessions.map((s) => (
          <li key={s.id} className="card">
            <h3>{s.current ? m.identity.thisDevice : deviceName(s.userAgent, m)}</h3>
            <p className="meta">{m.identity.lastActive(formatDate(s.lastSeenAt, 'dateTime'))}</p>
            {!s.current && (
              <Button variant="secondary" onClick={() => void endSession(s.id).then(list.reload)}>
                {m.identity.endSession}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Button variant="danger" onClick={() => void signOutEverywhere().finally(() => void signOut())}>
        {m.identity.signOutEverywhere}
      </Button>
    </div>
  );
}

export function AccessLogPanel() {
  const { m, formatDate } = useI18n();
  const [entries, setEntries] = useState<AccessLogEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const first = useAsync(async () => {
    const page = await accessLog();
    setEntries(page.entries);
    setNext(page.next);
    return page;
  }, []);
  if (first.loading && !first.data) return <Loading />;
  if (first.error !== undefined) return <ErrorMessage error={first.error} onRetry={first.reload} />;
  return (
    <div>
      {entries.length === 0 && <p>{m.identity.accessLogNone}</p>}
      <ul className="list">
        {entries.map((e) => (
          <li key={e.id} className="card">
            <div className="row">
              <strong>{e.actor.kind === 'patient' ? m.identity.you : e.actor.name}</strong>
              <span className="meta">{formatDate(e.recorded, 'dateTime')}</span>
            </div>
            <p className="meta">
              {m.identity.actions[e.action] ?? m.identity.otherAction}
              {e.count > 0 ? ` · ${m.identity.items(e.count)}` : ''}
            </p>
          </li>
        ))}
      </ul>
      {next && (
        <Button variant="secondary" onClick={() => void accessLog(next).then((p) => (setEntries((l) => [...l, ...p.entries]), setNext(p.next)))}>
          {m.identity.loadMore}
        </Button>
      )}
    </div>
  );
}
