// Administrators: every registered app (SMART clients), and disabling one.
import { useState } from 'react';
import { AppCard } from '../features/staff/app-card.js';
import { useStaffText } from '../features/staff/staff-text.js';
import { problemText } from '../features/identity/problem-text.js';
import { disableApp, registeredApps, type RegisteredApp } from '../fhir-client/staff.js';
import { useI18n } from '../i18n/index.js';
import { Dialog } from '../ui/dialog.js';
import { Button, ErrorMessage, Loading, PageTitle } from '../ui/primitives.js';
import { useToast } from '../ui/toasts.js';
import { useAsync } from '../ui/use-async.js';
import { Link } from './router.js';
import '../features/staff/staff.css';

export default function StaffAppsScreen() {
  const t = useStaffText();
  const { m } = useI18n();
  const toast = useToast();
  const apps = useAsync((signal) => registeredApps(signal), []);
  const [confirming, setConfirming] = useState<RegisteredApp>();
  const [error, setError] = useState<string>();

  const disable = async (app: RegisteredApp) => {
    setError(undefined);
    try {
      await disableApp(app.clientId);
      toast(t.apps.disabledDone(app.name));
      apps.reload();
    } catch (err) {
      setError(problemText(err, m));
    } finally {
      setConfirming(undefined);
    }
  };

  return (
    <>
      <PageTitle>{t.apps.title}</PageTitle>
      <p>{t.apps.intro}</p>
      <p>
        <Link className="button" href="/staff/apps/new">
          {t.apps.register}
        </Link>
      </p>
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
        <p>{t.apps.none}</p>
      ) : (
        <ul className="list">
          {apps.data.apps.map((app) => (
            <AppCard key={app.clientId} app={app} onDisable={setConfirming} />
          ))}
        </ul>
      )}
      <Dialog
        open={confirming !== undefined}
        title={confirming ? t.apps.confirmTitle(confirming.name) : ''}
        onClose={() => setConfirming(undefined)}
        actions={
          confirming && (
            <Button variant="danger" onClick={() => void disable(confirming)}>
              {t.apps.confirm}
            </Button>
          )
        }
      >
        <p>{t.apps.confirmBody}</p>
      </Dialog>
    </>
  );
}
