// Accessible building blocks: buttons with 44 px targets, page headings that take focus after a
// route change (so screen readers announce the new screen), status badges that never rely on
// colour alone, loading and error states.
import { useEffect, useRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { ApiError } from '../fhir-client/http.js';

export function Button({ variant = 'primary', block, className, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'quiet' | 'danger'; block?: boolean }) {
  const classes = ['button', variant !== 'primary' ? variant : '', block ? 'block' : '', className ?? ''].filter(Boolean).join(' ');
  return <button type="button" className={classes} {...rest} />;
}

/** The screen's h1. It takes focus when the screen mounts, after in-app navigation. */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.body.dataset.navigated === 'true') ref.current?.focus();
    document.title = `${ref.current?.textContent ?? ''} – Portico`;
  }, [children]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Loading() {
  const { m } = useI18n();
  return (
    <p role="status" className="meta">
      {m.loading}
    </p>
  );
}

export function errorText(error: unknown, m: ReturnType<typeof useI18n>['m']): string {
  if (error instanceof ApiError) {
    if (error.kind === 'network') return m.errors.network;
    if (error.kind === 'unauthorized') return m.errors.signedOut;
    if (error.kind === 'forbidden') return m.errors.forbidden;
    if (error.kind === 'not-found') return m.errors.notFound;
  }
  if (error instanceof Error && error.message === 'offline-not-saved') return m.offline.notSaved;
  return m.errors.generic;
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { m } = useI18n();
  return (
    <div role="alert" className="notice">
      <p>{errorText(error, m)}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {m.retry}
        </Button>
      )}
    </div>
  );
}

export type Tone = 'ok' | 'warn' | 'alert' | 'neutral';

/** Icon + text + colour: the meaning survives without colour (WCAG 1.4.1) and without the icon. */
export function StatusBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span className={`badge tone-${tone}`}>
      <ToneIcon tone={tone} />
      {children}
    </span>
  );
}

function ToneIcon({ tone }: { tone: Tone }) {
  const common = { viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;
  if (tone === 'ok')
    return (
      <svg {...common}>
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M4.5 8.2l2.2 2.2 4.8-4.8" stroke="#fff" strokeWidth="1.8" fill="none" />
      </svg>
    );
  if (tone === 'alert')
    return (
      <svg {...common}>
        <path d="M8 1l7 13H1z" fill="currentColor" />
        <path d="M8 6v4M8 11.5v1" stroke="#fff" strokeWidth="1.6" />
      </svg>
    );
  if (tone === 'warn')
    return (
      <svg {...common}>
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M8 4v5M8 10.8v1.2" stroke="#fff" strokeWidth="1.8" />
      </svg>
    );
  return (
    <svg {...common}>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
