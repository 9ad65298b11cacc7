import { useI18n } from '../i18n/index.js';
import { loadVisitDetail } from '../features/records/load-records.js';
import { useRecord } from '../features/records/use-record.js';
import { periodStart, referenceText } from '../features/records/format-common.js';
import { attachmentOf, noteText } from '../features/records/attachments.js';
import { GlossaryText } from '../features/records/glossary-text.js';
import { documentTitle, visitTitle } from '../features/records/visit-title.js';
import { SavedNotice } from '../features/records/result-views.js';
import { ClinicWords, ItemName } from '../features/records/clinic-words.js';
import { chartLanguage } from '#plain-words/record-name.js';
import { problemName } from '#plain-words/problem-name.js';
import { labReportsOfNote } from '../features/records/lab-report-note.js';
import { ResultGroupSection } from '../features/records/result-group.js';
import { ErrorMessage, Loading, PageTitle } from '../ui/primitives.js';
import { Link } from './router.js';

export default function VisitDetailScreen({ params }: { params: Record<string, string> }) {
  const { m, locale, formatDate } = useI18n();
  const { data, error, loading, reload } = useRecord(`visit:${params.id}`, (pid, signal) => loadVisitDetail(pid, params.id, signal));
  if (loading && !data) return <Loading />;
  if (error !== undefined || !data) return <ErrorMessage error={error} onRetry={reload} />;
  const { encounter: e, notes, labs = [] } = data.value;
  const who = e.participant?.find((p) => p.individual)?.individual;
  return (
    <>
      <p>
        <Link href="/visits">
          <span className="back-arrow" aria-hidden="true">←</span> {m.visits.title}
        </Link>
      </p>
      <PageTitle>{visitTitle(e, locale, m)}</PageTitle>
      <SavedNotice savedAt={data.savedAt} />
      <p className="meta">{formatDate(periodStart(e.period), 'long')}</p>
      {who && <p>{m.visits.with(referenceText(who, m.fallback.clinician))}</p>}
      {e.location?.[0] && <p>{m.visits.at(referenceText(e.location[0].location, ''))}</p>}
      {e.reasonCode?.[0] && (
        <p>
          {m.visits.reasons('')}
          <ItemName name={problemName(e.reasonCode[0], locale, m.fallback.problem)} />
        </p>
      )}
      <h2>{m.visits.notes}</h2>
      {notes.length === 0 && <p>{m.visits.noNotes}</p>}
      {notes.length > 0 && <p className="meta">{m.visits.glossaryHint}</p>}
      {notes.map((doc, di) => {
        const title = documentTitle(doc, locale, m.fallback.document);
        const results = labReportsOfNote(doc, labs);
        if (results.length > 0) {
          return (
            <article key={doc.id} aria-label={title}>
              <h3>{title}</h3>
              <p className="meta">{m.visits.labReportIntro}</p>
              {results.map((group, gi) => (
                <ResultGroupSection key={group.report?.id ?? gi} group={group} index={gi} level={4} idPrefix={`note-${di}-panel`} />
              ))}
            </article>
          );
        }
        const attachment = attachmentOf(doc);
        const text = noteText(attachment);
        return (
          <article key={doc.id} aria-label={title}>
            <h3>{title}</h3>
            {text !== undefined ? (
              <ClinicWords lang={attachment?.language || chartLanguage(doc)}>
                <GlossaryText text={text} />
              </ClinicWords>
            ) : (
              <p>{m.visits.noteNotReadable}</p>
            )}
          </article>
        );
      })}
    </>
  );
}
