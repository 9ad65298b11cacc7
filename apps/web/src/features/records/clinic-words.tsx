// Words from the chart shown as written. A clinician's free text (a dosing sig, a result note, a
// visit note) and a name we have no plain words for stay in the chart's language: translating
// them would put words in the clinic's mouth. They carry that language in `lang`, so a screen
// reader pronounces "Take 1 tablet" as English on a Spanish screen, and free text says whose words
// they are.
import type { ReactNode } from 'react';
import { CHART_LANGUAGE, type ShownName } from '#plain-words/record-name.js';
import { useI18n } from '../../i18n/index.js';

/** A name or phrase in the chart's words, inside a line of the reader's language. */
export function AsWritten({ children, lang = CHART_LANGUAGE }: { children: ReactNode; lang?: string }) {
  return <span lang={lang}>{children}</span>;
}

/** An item's name: our plain name in the reader's language, else the record's words marked as such. */
export function ItemName({ name }: { name: ShownName }) {
  return name.asWritten ? <AsWritten>{name.name}</AsWritten> : <>{name.name}</>;
}

/** "Official name: Hypertensive disorder": the record's words, so paperwork can be matched. */
export function OfficialName({ name, className = 'meta', as: Tag = 'p' }: { name: string; className?: string; as?: 'p' | 'span' }) {
  const { m } = useI18n();
  return (
    <Tag className={className}>
      {m.summary.officialName('')}
      <AsWritten>{name}</AsWritten>
    </Tag>
  );
}

/** A block of the clinic's free text, labelled as theirs (and in which language when it is not the reader's). */
export function ClinicWords({ children, lang = CHART_LANGUAGE }: { children: ReactNode; lang?: string }) {
  const { m, locale } = useI18n();
  const base = lang.toLowerCase().split('-')[0];
  const label = base === locale ? m.clinicWords.label : m.clinicWords.labelIn(m.clinicWords.languages[base] ?? lang);
  return (
    <div className="clinic-words">
      <p className="meta">{label}</p>
      <div lang={lang}>{children}</div>
    </div>
  );
}
