import { useI18n } from '../i18n/index.js';
import { loadDocuments } from '../features/records/load-records.js';
import { useRecord } from '../features/records/use-record.js';
import { documentTitle } from '../features/records/visit-title.js';
import { attachmentBlob, attachmentOf } from '../features/records/attachments.js';
import { openBlob, saveFile } from '../features/records/save-file.js';
import { SavedNotice } from '../features/records/result-views.js';
import { Button, ErrorMessage, Loading, PageTitle } from '../ui/primitives.js';

export default function DocumentsScreen() {
  const { m, locale, formatDate } = useI18n();
  const { data, error, loading, reload } = useRecord('documents', loadDocuments);
  return (
    <>
      <PageTitle>{m.documents.title}</PageTitle>
      {loading && !data && <Loading />}
      {error !== undefined && <ErrorMessage error={error} onRetry={reload} />}
      {data && <SavedNotice savedAt={data.savedAt} />}
      {data && data.value.length === 0 && <p>{m.documents.none}</p>}
      <ul className="list">
        {data?.value.map((doc) => {
          const attachment = attachmentOf(doc);
          const blob = attachment ? attachmentBlob(attachment) : undefined;
          const title = documentTitle(doc, locale, m.documents.kindUnknown);
          const ext = attachment?.contentType?.includes('pdf') ? 'pdf' : attachment?.contentType?.includes('html') ? 'html' : 'txt';
          return (
            <li key={doc.id} className="card">
              <h2>{title}</h2>
              <p className="meta">{formatDate(doc.date, 'long')}</p>
              {blob && (
                <div className="row" style={{ justifyContent: 'flex-start' }}>
                  <Button variant="secondary" onClick={() => openBlob(blob)} aria-label={`${m.documents.view}: ${title}`}>
                    {m.documents.view}
                  </Button>
                  <Button variant="secondary" onClick={() => saveFile(blob, `${title.replace(/[^\p{L}\p{N} _-]/gu, '').trim() || 'document'}.${ext}`)} aria-label={`${m.documents.download}: ${title}`}>
                    {m.documents.download}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
