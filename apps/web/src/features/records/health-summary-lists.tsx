// The health summary's lists: problems, allergies, immunizations and vital signs with their trend.
// Patients see them on Health summary; staff in the patient's chart, `dense` (tighter cards, for
// the wide screens staff use). The caller gives each its section and heading.
import type { AllergyIntolerance, Condition, Immunization, Observation } from '@medplum/fhirtypes';
import { useI18n } from '../../i18n/index.js';
import { officialVaccineName, vaccineName } from '#plain-words/vaccine-name.js';
import { problemName } from '#plain-words/problem-name.js';
import { allergyReactionsShown, allergySubstanceName } from '#plain-words/allergy-name.js';
import { ItemName, OfficialName } from './clinic-words.js';
import { StatusBadge } from '../../ui/primitives.js';
import { observationDate } from './format-observation.js';
import { chartable, type VitalKind, vitalUnitText, vitalValueText } from './format-vitals.js';
import { HistoryChart, HistoryTable } from './history-chart.js';

const cardClass = (dense: boolean) => (dense ? 'card dense' : 'card');

export const isActiveCondition = (c: Condition) => !c.clinicalStatus || Boolean(c.clinicalStatus.coding?.some((x) => x.code === 'active' || x.code === 'recurrence' || x.code === 'relapse'));

/** Active problems as cards, resolved ones folded away below. */
export function ProblemList({ conditions, dense = false }: { conditions: Condition[]; dense?: boolean }) {
  const { m, locale, formatDate } = useI18n();
  const active = conditions.filter(isActiveCondition);
  const resolved = conditions.filter((c) => !isActiveCondition(c));
  return (
    <>
      {active.length === 0 ? (
        <p>{m.summary.noProblems}</p>
      ) : (
        <ul className="list">
          {active.map((c) => {
            const name = problemName(c.code, locale, m.fallback.problem);
            return (
              <li key={c.id} className={cardClass(dense)}>
                <h3>
                  <ItemName name={name} />
                </h3>
                {name.official && <OfficialName name={name.official} />}
                {c.onsetDateTime && <p className="meta">{m.summary.since(formatDate(c.onsetDateTime, 'long'))}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {resolved.length > 0 && (
        <details>
          <summary>{m.summary.resolved}</summary>
          <ul>
            {resolved.map((c) => (
              <li key={c.id}>
                <ItemName name={problemName(c.code, locale, m.fallback.problem)} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

export function AllergyList({ allergies, dense = false }: { allergies: AllergyIntolerance[]; dense?: boolean }) {
  const { m, locale } = useI18n();
  if (allergies.length === 0) return <p>{m.summary.noAllergies}</p>;
  return (
    <ul className="list">
      {allergies.map((a) => {
        const severity = a.reaction?.find((r) => r.severity)?.severity;
        const substance = allergySubstanceName(a.code, locale, m.fallback.allergy);
        const reactions = allergyReactionsShown(a, locale);
        return (
          <li key={a.id} className={cardClass(dense)}>
            <div className="row">
              <h3>
                <ItemName name={substance} />
              </h3>
              {severity && <StatusBadge tone={severity === 'severe' ? 'alert' : 'warn'}>{m.summary.severity[severity]}</StatusBadge>}
            </div>
            {substance.official && <OfficialName name={substance.official} />}
            {reactions.length > 0 && (
              <p>
                {m.summary.reaction('')}
                {reactions.map((r, i) => (
                  <span key={r.name}>
                    {i > 0 && ', '}
                    <ItemName name={r} />
                  </span>
                ))}
              </p>
            )}
            {a.criticality && <p className="meta">{m.summary.criticality[a.criticality]}</p>}
          </li>
        );
      })}
    </ul>
  );
}

/** Vaccines and dates as a table (the official name only in print). Empty list: the caller says so. */
export function ImmunizationTable({ immunizations }: { immunizations: Immunization[] }) {
  const { m, locale, formatDate } = useI18n();
  return (
    <table>
      <caption className="visually-hidden">{m.summary.immunizations}</caption>
      <thead>
        <tr>
          <th scope="col">{m.fallback.vaccine}</th>
          <th scope="col">{m.results.date}</th>
        </tr>
      </thead>
      <tbody>
        {immunizations.map((i) => {
          const official = officialVaccineName(i.vaccineCode, locale);
          return (
            <tr key={i.id}>
              <td>
                {vaccineName(i.vaccineCode, locale, m.fallback.vaccine)}
                {official && <OfficialName name={official} as="span" className="print-only meta" />}
              </td>
              <td>{formatDate(i.occurrenceDateTime ?? i.occurrenceString)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One card per kind of vital sign: the latest value, a chart of the trend and the numbers as a table. */
export function VitalCards({ vitals, kinds, dense = false }: { vitals: Map<VitalKind, Observation[]>; kinds: readonly VitalKind[]; dense?: boolean }) {
  const { m, formatDate, formatNumber } = useI18n();
  return (
    <>
      {kinds.map((kind) => {
        const list = vitals.get(kind)!;
        const latest = list[list.length - 1];
        const name = m.summary.vitalNames[kind];
        return (
          <div key={kind} className={cardClass(dense)}>
            <div className="row">
              <h3>{name}</h3>
              <span className="value">{vitalValueText(latest, formatNumber, m.summary.units) ?? m.notRecorded}</span>
            </div>
            <p className="meta">{m.summary.latest(formatDate(observationDate(latest), 'long'))}</p>
            {kind === 'bp' && <p className="meta">{m.summary.systolic}</p>}
            <HistoryChart
              observations={list.map(chartable)}
              name={name}
              tableId={`vitals-${kind}-table`}
              unit={vitalUnitText(chartable(latest).valueQuantity, m.summary.units)}
              pointValue={(o) => vitalValueText(o, formatNumber, m.summary.units)}
            />
            {list.length > 1 && <HistoryTable observations={list} name={name} tableId={`vitals-${kind}-table`} value={(o) => vitalValueText(o, formatNumber, m.summary.units)} />}
          </div>
        );
      })}
    </>
  );
}
