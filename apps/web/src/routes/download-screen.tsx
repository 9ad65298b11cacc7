import { useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { usePatient } from '../features/identity/session.js';
import { fetchWholeRecord } from '../fhir-client/fhir.js';
import { saveFile } from '../features/records/save-file.js';
import { Button, ErrorMessage, PageTitle } from '../ui/primitives.js';

export default function DownloadScreen() {
  const { m } = useI18n();
  const { patientId } = usePatient();
  const [state, setState] = useState<{ phase: 'idle' | 'working' | 'done'; count: number; error?: unknown }>({ phase: 'idle', count: 0 });
  const start = async () => {
    setState({ phase: 'working', count: 0 });
    try {
      const bundle = await fetchWholeRecord(patientId, (count) => setState({ phase: 'working', count }));
      const count = bundle.entry?.length ?? 0;
      saveFile(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/fhir+json' }), `health-record-${new Date().toISOString().slice(0, 10)}.json`);
      setState({ phase: 'done', count });
    } catch (error) {
      setState({ phase: 'idle', count: 0, error });
    }
  };
  return (
    <>
      <PageTitle>{m.download.title}</PageTitle>
      <p>{m.download.intro}</p>
      <p className="notice">{m.download.privacy}</p>
      <Button onClick={() => void start()} disabled={state.phase === 'working'} block>
        {m.download.button}
      </Button>
      <p role="status">{state.phase === 'working' ? m.download.working(state.count) : state.phase === 'done' ? m.download.ready(state.count) : ''}</p>
      {state.error !== undefined && <ErrorMessage error={state.error} />}
      <p className="meta">{m.download.pdfLater}</p>
    </>
  );
}
