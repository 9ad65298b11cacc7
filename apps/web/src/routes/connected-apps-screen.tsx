// Connected apps (SMART): every app with access to the patient's record, what it may see in plain
// words, when it last used it, and a way to remove it (docs/api/smart.md).
import { useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { listConnectedApps, revokeConnectedApp, type ConnectedApp } from '../fhir-client/identity.js';
import { describeAccess } from '../features/account/app-access.js';
import { problemText } from '../features/identity/problem-text.js';
import { useAsync } from '../ui/use-async.js';
import { Dialog } from '../ui/dialog.js';
import { Button, ErrorMessage, Loading, PageTitle } from '../ui/primitives.js';
import { useToast } from '../ui/toasts.js';

export default function ConnectedAppsScreen() {
  const { m, formatDate } = useI18n();
  const toast = useToast();
  const apps = useAsync(() => listConnectedApps(), []);
  const [confirming, setConfirming] = useState<ConnectedApp>();
  const [error, setError] = useState<string>();
  const revoke = async (app: ConnectedApp) => {
    setError(undefined);
    try {
      await revokeConnectedApp(app.clientId);
      setConfirming(undefined);
      toast(m.apps.revoked(app.name));
      apps.reload();
    } catch (err) {
      setConfirming(undefined);
      setError(problemText(err, m));
    }
  };
  return (
    <>
      <PageTitle>{m.apps.title}</PageTitle>
      <p>{m.apps.intro}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {apps.loading && !apps.data ? (
        <Loading />
      ) : apps.error !== undefined || !apps.data ? (
        <ErrorMessage error={apps.error} onRetry={apps.reload} />
      ) : apps.data.apps.length === 0 ? (
        <p>{m.apps.none}</p>
      ) : (
        <ul className="list">
          {apps.data.apps.map((app) => {
            const access = describeAccess(app, m);
            return (
              <li key={app.clientId} className="card">
                <h2>{app.name}</h2>
                <p className="meta">
                  {app.lastUsedAt ? m.apps.lastUsed(formatDate(app.lastUsedAt, 'dateTime')) : m.apps.neverUsed} · {m.apps.granted(formatDate(app.grantedAt, 'long'))}
                </p>
                <p>{m.apps.canSee}</p>
                <ul>
                  {access.sees.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
                {access.changes.length > 0 && (
                  <>
                    <p>{m.apps.canChange}</p>
                    <ul>
                      {access.changes.map((s) => (
                        <li key={s}>{s}</li>
                      ))}
                    </ul>
                  </>
                )}
                {app.offlineAccess && <p className="meta">{m.apps.offline}</p>}
                <Button variant="danger" onClick={() => setConfirming(app)}>
                  {m.apps.revoke(app.name)}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <Dialog
        open={confirming !== undefined}
        title={confirming ? m.apps.confirmTitle(confirming.name) : ''}
        onClose={() => setConfirming(undefined)}
        actions={
          confirming && (
            <Button variant="danger" onClick={() => void revoke(confirming)}>
              {m.apps.confirm}
            </Button>
          )
        }
      >
        <p>{m.apps.confirmBody}</p>
      </Dialog>
    </>
  );
}
