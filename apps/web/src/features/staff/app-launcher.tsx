// "Open an app": the registered apps with a launch URL; opening one starts an EHR launch for this
// patient and the chosen visit in a new tab.
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/index.js';
import { launchableApps, type LaunchableApp } from '../../fhir-client/staff.js';
import { problemText } from '../identity/problem-text.js';
import { Button, ErrorMessage, Loading } from '../../ui/primitives.js';
import { useAsync } from '../../ui/use-async.js';
import { launchApp } from './launch-app.js';
import { useStaffText } from './staff-text.js';

/** `visitPicker` is shown above the apps, only when there is an app to open. */
export function AppLauncher({ patientId, encounterId, visitPicker }: { patientId: string; encounterId: string | undefined; visitPicker: ReactNode }) {
  const t = useStaffText();
  const { m } = useI18n();
  const apps = useAsync((signal) => launchableApps(signal), []);
  const [busy, setBusy] = useState<string>();
  const [opened, setOpened] = useState<{ name: string; url: string }>();
  const [error, setError] = useState<string>();

  const open = async (app: LaunchableApp) => {
    setBusy(app.clientId);
    setError(undefined);
    setOpened(undefined);
    try {
      setOpened({ name: app.name, url: await launchApp(app.clientId, patientId, encounterId) });
    } catch (err) {
      setError(problemText(err, m));
    } finally {
      setBusy(undefined);
    }
  };

  if (apps.loading && !apps.data) return <Loading />;
  if (apps.error !== undefined || !apps.data) return <ErrorMessage error={apps.error} onRetry={apps.reload} />;
  if (apps.data.apps.length === 0) return <p>{t.launch.none}</p>;
  return (
    <>
      <p>{t.launch.intro}</p>
      {visitPicker}
      <ul className="list app-list">
        {apps.data.apps.map((app) => (
          <li key={app.clientId}>
            <Button variant="secondary" block disabled={busy !== undefined} onClick={() => void open(app)}>
              {busy === app.clientId ? t.launch.opening : t.launch.open(app.name)}
            </Button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p role="status">{opened ? t.launch.opened(opened.name) : ''}</p>
      {opened && (
        <p>
          {t.launch.fallback(opened.name)}{' '}
          <a href={opened.url} target="_blank" rel="noopener noreferrer">
            {t.launch.fallbackLink(opened.name)}
          </a>
        </p>
      )}
    </>
  );
}
