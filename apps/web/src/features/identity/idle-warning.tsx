// Warns one minute before the idle timeout (docs/api/identity.md) with "Stay signed in", which
// calls keepalive. WCAG 2.2.1 Timing Adjustable: the user can extend with one simple action.
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { keepAlive } from '../../fhir-client/identity.js';
import { Dialog } from '../../ui/dialog.js';
import { Button } from '../../ui/primitives.js';
import { useSession } from './session.js';

const WARN_MS = 60_000;

export function IdleWarning({ expiresAt }: { expiresAt?: string }) {
  const { m } = useI18n();
  const { signOut, refresh } = useSession();
  const [deadline, setDeadline] = useState(() => (expiresAt ? Date.parse(expiresAt) : undefined));
  const [now, setNow] = useState(Date.now());
  useEffect(() => setDeadline(expiresAt ? Date.parse(expiresAt) : undefined), [expiresAt]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (deadline !== undefined && now >= deadline && navigator.onLine) void signOut('expired');
  }, [now, deadline, signOut]);
  if (deadline === undefined || !navigator.onLine) return null;
  const left = deadline - now;
  const open = left <= WARN_MS && left > 0;
  const stay = async () => {
    try {
      const session = await keepAlive();
      setDeadline(session.expiresAt ? Date.parse(session.expiresAt) : undefined);
      await refresh();
    } catch {
      /* the 401 handler signs out */
    }
  };
  return (
    <Dialog
      open={open}
      title={m.identity.idleTitle}
      onClose={() => void stay()}
      actions={
        <Button onClick={() => void stay()}>{m.identity.staySignedIn}</Button>
      }
    >
      <p>{m.identity.idleBody(Math.max(0, Math.ceil(left / 1000)))}</p>
    </Dialog>
  );
}
