// Catches what goes wrong while a screen is drawn, so the page frame (banner, tab bar) stays and
// the patient reads in words what happened. Without it React unmounts the whole app: a screen
// whose code could not be fetched offline used to leave a blank page with no navigation.
// App keys it by path, so moving to another place starts clean.
import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { ScreenCodeError } from '../routes/index.js';
import { useOnline } from '../features/offline/use-online.js';
import { Button, PageTitle } from './primitives.js';

interface State {
  error?: unknown;
}

export class ScreenErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  // No componentDidCatch logging: a screen's error may carry the health data it was drawing.

  render() {
    if (this.state.error === undefined) return this.props.children;
    const error = this.state.error;
    // Chromium keeps a failed module fetch for the life of the page (HTML module map), so fetching
    // the code again needs a new page: a reload of this same address. It also picks up a new
    // release whose files replaced the ones this page was built with. Other errors draw again.
    const retry = error instanceof ScreenCodeError ? () => window.location.reload() : () => this.setState({ error: undefined });
    return <ScreenError error={error} onRetry={retry} />;
  }
}

function ScreenError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { m } = useI18n();
  const online = useOnline();
  const code = error instanceof ScreenCodeError;
  // Offline, fetching the code again cannot help until the connection is back; the button comes
  // back with it.
  const canRetry = online || !code;
  const text = code ? (online ? m.screenError.codeFailed : m.screenError.notSaved) : m.errors.generic;
  return (
    <>
      <PageTitle>{code && !online ? m.screenError.notSavedTitle : m.screenError.title}</PageTitle>
      <div role="alert" className="notice">
        <p>{text}</p>
        {canRetry && (
          <Button variant="secondary" onClick={onRetry}>
            {m.retry}
          </Button>
        )}
      </div>
    </>
  );
}
