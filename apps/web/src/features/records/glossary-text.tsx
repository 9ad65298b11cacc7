// Note text with glossary words marked. Each marked word is a real <button> (tap, Enter or Space)
// that opens a dialog with the plain-language meaning in the reader's language.
// Notes are written in English by clinicians, so words are found with the English terms; the
// explanation is shown in the chosen language.
import { useMemo, useState, type ReactNode } from 'react';
import { glossary } from '../../content/glossary.js';
import { findGlossaryTerms } from '../../content/glossary-match.js';
import { useI18n } from '../../i18n/index.js';
import { Dialog } from '../../ui/dialog.js';

export function GlossaryText({ text }: { text: string }) {
  const { m, locale } = useI18n();
  const [open, setOpen] = useState<{ word: string; entryId: string } | undefined>();
  const parts = useMemo(() => {
    const out: ReactNode[] = [];
    let last = 0;
    findGlossaryTerms(text, 'en').forEach((match, i) => {
      if (match.start > last) out.push(text.slice(last, match.start));
      const word = text.slice(match.start, match.end);
      out.push(
        <button key={i} type="button" className="glossary-term" onClick={() => setOpen({ word, entryId: match.entryId })}>
          {word}
        </button>,
      );
      last = match.end;
    });
    out.push(text.slice(last));
    return out;
  }, [text]);
  const entry = open ? glossary.find((e) => e.id === open.entryId) : undefined;
  const localTerm = entry?.[locale].terms[0];
  return (
    <>
      <div className="note-text">{parts}</div>
      {/* The note sits in the clinic's language (lang on a parent); the explanation is the reader's. */}
      <div lang={locale}>
        <Dialog open={Boolean(open)} title={open ? m.visits.glossaryDialog(open.word) : ''} onClose={() => setOpen(undefined)}>
          {entry && (
            <>
              {locale !== 'en' && localTerm && <p><strong>{localTerm}</strong></p>}
              <p>{entry[locale].definition}</p>
            </>
          )}
        </Dialog>
      </div>
    </>
  );
}
