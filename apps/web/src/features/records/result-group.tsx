// One lab report (panel) with its results as cards: the plain test name, the value in words with
// its unit, the normal range and the lab's flag, each linking to the result. The Test results
// screen lists these, and a visit's lab report note shows the same cards instead of the lab's raw
// text (LOINC names, UCUM units, ISO times).
import { memo } from 'react';
import { labTestName } from '#plain-words/test-name.js';
import { useI18n } from '../../i18n/index.js';
import { Link } from '../../routes/router.js';
import { referenceText } from './format-common.js';
import { observationDate, rangeText, valueText } from './format-observation.js';
import type { ResultGroup } from './load-records.js';
import type { IsNewResult } from './opened-results.js';
import { InterpretationBadge } from './result-views.js';

const noneNew: IsNewResult = () => false;

/** Memoised: loading older pages adds sections without redrawing the shown ones. */
export const ResultGroupSection = memo(function ResultGroupSection({
  group,
  index,
  isNew = noneNew,
  level = 2,
  idPrefix = 'group',
}: {
  group: ResultGroup;
  index: number;
  isNew?: IsNewResult;
  /** Heading level of the panel name; each test is one level below. */
  level?: 2 | 3 | 4;
  /** Ids are `${idPrefix}-${index}`: unique per screen, and the Test results screen focuses them. */
  idPrefix?: string;
}) {
  const { m, locale, formatDate, formatNumber } = useI18n();
  const orderer = group.report?.resultsInterpreter?.[0] ?? group.report?.performer?.[0];
  const PanelHeading = `h${level}` as const;
  const TestHeading = `h${level + 1}` as 'h3' | 'h4' | 'h5';
  const id = `${idPrefix}-${index}`;
  return (
    // Named by panel and date: the same panel taken on other days must not give regions one name.
    <section className="result-group" aria-labelledby={`${id} ${id}-date`}>
      <PanelHeading id={id} tabIndex={-1}>
        {group.report ? labTestName(group.report.code, locale, m.fallback.panel) : m.results.otherResults}
      </PanelHeading>
      <p className="meta" id={`${id}-date`}>
        {formatDate(group.date, 'long')}
        {orderer ? ` · ${m.results.orderedBy(referenceText(orderer, m.fallback.clinician))}` : ''}
      </p>
      <ul className="list">
        {group.results.map((o) => {
          const range = rangeText(o.referenceRange?.[0], m, formatNumber);
          return (
            <li key={o.id}>
              <Link className="card" href={`/results/${o.id}`}>
                <div className="row">
                  <TestHeading>{labTestName(o.code, locale, m.fallback.test)}</TestHeading>
                  {isNew(o.id, o.issued ?? group.report?.issued ?? observationDate(o)) && <span className="badge new">{m.results.newBadge}</span>}
                </div>
                <div className="row">
                  <span className="value">{valueText(o, m, formatNumber) ?? m.notRecorded}</span>
                  <InterpretationBadge observation={o} />
                </div>
                <p className="meta">
                  {m.results.range}: {range ?? m.results.noRange}
                </p>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
