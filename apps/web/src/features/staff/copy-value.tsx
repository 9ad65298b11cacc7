// A value to hand on (client ID, client secret): shown in full, selectable, with a copy button
// whose result is announced through the app's live region.
import { useStaffText } from './staff-text.js';
import { Button } from '../../ui/primitives.js';
import { useToast } from '../../ui/toasts.js';

export function CopyValue({ label, value }: { label: string; value: string }) {
  const t = useStaffText();
  const toast = useToast();
  const copy = () =>
    (navigator.clipboard?.writeText(value) ?? Promise.reject(new Error('no clipboard'))).then(
      () => toast(t.register.copied(label)),
      () => toast(t.register.copyFailed),
    );
  return (
    <div className="field">
      <h3>{label}</h3>
      <code className="code-value">{value}</code>
      <div>
        <Button variant="secondary" onClick={() => void copy()}>
          {t.register.copy(label)}
        </Button>
      </div>
    </div>
  );
}
