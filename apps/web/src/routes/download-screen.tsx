// Download my record: a plain-language PDF summary made by the server (docs/decisions: readable
// summary server-side), and all the data as a FHIR JSON collection Bundle for other apps.
import { useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { usePatient } from '../features/identity/session.js';
import { fetchWholeRecord } from '../fhir-client/fhir.js';
import { fetchRecordPdf } from '../fhir-client/identity.js';
import { saveFile } from '../features/records/save-file.js';
import { Button, ErrorMessage, PageTitle } from '../ui/primitives.js';

type Phase = { phase: 'idle' | 'working' | 'done'; count: number; error?: unknown };
const today = () => new Date().toISOString().slice(0, 10);

export default function DownloadScreen() {
  const { m, locale } = useI18n();
  const { patientId } = usePatient();
  const [json, setJson] = useState<Phase>({ phase: 'idle', count: 0 });
  const [pdf, setPdf] = useState<Phase>({ phase: 'idle', count: 0 });
  const startJson = async () => {
    setJson({ phase: 'working', count: 0 });
    try {
      const bundle = await fetchWholeRecord(patientId, (count) => setJson({ phase: 'working', count }));
      saveFile(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/fhir+json' }), `health-record-${today()}.json`);
      setJson({ phase: 'done', count: bundle.entry?.length ?? 0 });
    } catch (error) {
      setJson({ phase: 'idle', count: 0, error });
    }
  };
  const startPdf = async () => {
    setPdf({ phase: 'working', count: 0 });
    try {
      saveFile(await fetchRecordPdf(locale), `health-record-${today()}.pdf`);
      setPdf({ phase: 'done', count: 0 });
    } catch (error) {
      setPdf({ phase: 'idle', count: 0, error });
    }
  };
  return (
    <>
      <PageTitle>{m.download.title}</PageTitle>
      <p>{m.download.intro}</p>
      <p className="notice">{m.download.privacy}</p>
      <section aria-labelledby="pdf" className="card">
        <h2 id="pdf">{m.download.pdfTitle}</h2>
        <p>{m.download.pdfIntro}</p>
        <Button onClick={() => void startPdf()} disabled={pdf.phase === 'working'} block>
          {m.download.pdfButton}
        </Button>
        <p role="status">{pdf.phase === 'working' ? m.download.pdfWorking : pdf.phase === 'done' ? m.download.pdfReady : ''}</p>
        {pdf.error !== undefined && <ErrorMessage error={pdf.error} />}
      </section>
      <section aria-labelledby="json" className="card">
        <h2 id="json">{m.download.jsonTitle}</h2>
        <p>{m.download.jsonIntro}</p>
        <Button variant="secondary" onClick={() => void startJson()} disabled={json.phase === 'working'} block>
          {m.download.button}
        </Button>
        <p role="status">{json.phase === 'working' ? m.download.working(json.count) : json.phase === 'done' ? m.download.ready(json.count) : ''}</p>
        {json.error !== undefined && <ErrorMessage error={json.error} />}
      </section>
    </>
  );
}
