// One app in the administrators' list: how it signs in, where it sends people back, where staff
// open it, who registered it and when, whether it is active; and a way to disable it.
import type { RegisteredApp } from '../../fhir-client/staff.js';
import { useI18n } from '../../i18n/index.js';
import { Button, StatusBadge } from '../../ui/primitives.js';
import { useStaffText } from './staff-text.js';

export function AppCard({ app, onDisable }: { app: RegisteredApp; onDisable(app: RegisteredApp): void }) {
  const t = useStaffText();
  const { formatDate } = useI18n();
  const by = app.registeredBy ?? t.apps.by[app.registration] ?? t.apps.by['command-line'];
  return (
    <li className="card">
      <div className="row">
        <h2 style={{ marginTop: 0 }}>{app.name}</h2>
        {app.status === 'active' ? <StatusBadge tone="ok">{t.apps.active}</StatusBadge> : <StatusBadge tone="neutral">{t.apps.disabled}</StatusBadge>}
      </div>
      <dl className="facts">
        <dt>{t.apps.clientId}</dt>
        <dd>
          <code>{app.clientId}</code>
        </dd>
        <dt>{t.apps.type}</dt>
        <dd>
          {t.apps.types[app.type] ?? app.type}
          {app.backend && (
            <>
              <br />
              {t.apps.backend}
            </>
          )}
        </dd>
        <dt>{t.apps.redirectUris}</dt>
        <dd>
          {app.redirectUris.length === 0 ? (
            t.apps.noRedirectUris
          ) : (
            <ul>
              {app.redirectUris.map((u) => (
                <li key={u}>{u}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t.apps.launchUrl}</dt>
        <dd>{app.launchUrl ?? t.apps.noLaunchUrl}</dd>
        {app.type === 'confidential-asymmetric' && (
          <>
            <dt>{t.apps.keys}</dt>
            <dd>{app.jwksUrl ?? t.apps.keysInline(app.jwksKeys)}</dd>
          </>
        )}
        <dt>{t.apps.registered}</dt>
        <dd>{t.apps.registeredWhen(formatDate(app.registeredAt, 'dateTime'), by)}</dd>
      </dl>
      {app.status === 'disabled' && app.disabledAt && <p className="meta">{t.apps.disabledWhen(formatDate(app.disabledAt, 'dateTime'), app.disabledBy)}</p>}
      {app.status === 'active' && (
        <Button variant="danger" onClick={() => onDisable(app)}>
          {t.apps.disable(app.name)}
        </Button>
      )}
    </li>
  );
}
