// A modal built on <dialog>.showModal(): the browser traps focus, makes the page inert, closes on
// Escape and returns focus to the opener (WAI-ARIA APG dialog pattern).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { Button } from './primitives.js';

export function Dialog({ open, title, onClose, children, actions }: { open: boolean; title: string; onClose: () => void; children: ReactNode; actions?: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { m } = useI18n();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <h2 id={titleId} style={{ marginTop: 0 }}>
        {title}
      </h2>
      {children}
      <div className="row" style={{ justifyContent: 'flex-end', marginTop: '1rem' }}>
        {actions}
        <Button variant="secondary" onClick={onClose}>
          {m.close}
        </Button>
      </div>
    </dialog>
  );
}
