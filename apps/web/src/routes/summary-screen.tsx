import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/index.js';
import { loadHealthSummary } from '../features/records/load-records.js';
import { useRecord } from '../features/records/use-record.js';
import { conceptText, humanName } from '../features/records/format-common.js';
import { observationDate } from '../features/records/format-observation.js';
import { VITAL_KINDS, chartable, groupVitals, vitalUnitText, vitalValueText } from '../features/records/format-vitals.js';
import { HistoryChart } from '../features/records/history-chart.js';
import { officialVaccineName, vaccineName } from '#plain-words/vaccine-name.js';
import { careTeamMembers } from '../features/records/care-team.js';
import { problemName } from '#plain-words/problem-name.js';
import { allergyReactions, allergySubstanceName } from '#plain-words/allergy-name.js';
import { procedureName } from '#plain-words/procedure-name.js';
import { SavedNotice } from '../features/records/result-views.js';
import { Button, ErrorMessage, Loading, PageTitle, StatusBadge } from '../ui/primitives.js';

// The WHO/CDC reference tables (about 16 KB gzipped) load only when the patient is a child. If the
// chunk cannot load (offline before it was ever fetched), the rest of the summary still shows.
const GrowthCharts = lazy(() => import('../features/records/growth/growth-charts.js').catch(() => ({ default: () => null })));

export default function SummaryScreen() {
  const { m, locale, formatDate, formatNumber } = useI18n();
  const { data, error, loading, reload } = useRecord('summary', loadHealthSummary);
  if (loading && !data) return <Loading />;
  if (error !== undefined || !data) return <ErrorMessage error={error} onRetry={reload} />;
  const s = data.value;
  const isActive = (c: (typeof s.conditions)[number]) => !c.clinicalStatus || c.clinicalStatus.coding?.some((x) => x.code === 'active' || x.code === 'recurrence' || x.code === 'relapse');
  const active = s.conditions.filter(isActive);
  const resolved = s.conditions.filter((c) => !isActive(c));
  const vitals = groupVitals(s.vitals);
  const careTeam = careTeamMembers(s.careTeams, s.patient.id, locale, m.fallback.person);
  const birth = s.patient.birthDate ? Date.parse(s.patient.birthDate) : undefined;
  const isChild = birth !== undefined && Date.now() - birth < 18 * 365.25 * 86_400_000;
  const vitalKinds = VITAL_KINDS.filter((k) => vitals.has(k) && (isChild || k !== 'headCirc'));
  return (
    <>
      <PageTitle>{m.summary.title}</PageTitle>
      <SavedNotice savedAt={data.savedAt} />

      <section aria-labelledby="problems" className="no-print">
        <h2 id="problems">{m.summary.problems}</h2>
        {active.length === 0 ? (
          <p>{m.summary.noProblems}</p>
        ) : (
          <ul className="list">
            {active.map((c) => {
              const name = problemName(c.code, locale, m.fallback.problem);
              return (
                <li key={c.id} className="card">
                  <h3>{name.name}</h3>
                  {name.official && <p className="meta">{m.summary.officialName(name.official)}</p>}
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
                <li key={c.id}>{problemName(c.code, locale, m.fallback.problem).name}</li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="allergies" className="no-print">
        <h2 id="allergies">{m.summary.allergies}</h2>
        {s.allergies.length === 0 ? (
          <p>{m.summary.noAllergies}</p>
        ) : (
          <ul className="list">
            {s.allergies.map((a) => {
              const severity = a.reaction?.find((r) => r.severity)?.severity;
              const substance = allergySubstanceName(a.code, locale, m.fallback.allergy);
              const reactions = allergyReactions(a, locale);
              return (
                <li key={a.id} className="card">
                  <div className="row">
                    <h3>{substance.name}</h3>
                    {severity && <StatusBadge tone={severity === 'severe' ? 'alert' : 'warn'}>{m.summary.severity[severity]}</StatusBadge>}
                  </div>
                  {substance.official && <p className="meta">{m.summary.officialName(substance.official)}</p>}
                  {reactions.length > 0 && <p>{m.summary.reaction(reactions.join(', '))}</p>}
                  {a.criticality && <p className="meta">{m.summary.criticality[a.criticality]}</p>}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="immunizations">
        <h2 id="immunizations">{m.summary.immunizations}</h2>
        {s.immunizations.length === 0 ? (
          <p>{m.summary.noImmunizations}</p>
        ) : (
          <>
            <table>
              <caption className="visually-hidden">{m.summary.immunizations}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.fallback.vaccine}</th>
                  <th scope="col">{m.results.date}</th>
                </tr>
              </thead>
              <tbody>
                {s.immunizations.map((i) => {
                  const official = officialVaccineName(i.vaccineCode, locale);
                  return (
                    <tr key={i.id}>
                      <td>
                        {vaccineName(i.vaccineCode, locale, m.fallback.vaccine)}
                        {official && <span className="print-only meta">{m.summary.officialName(official)}</span>}
                      </td>
                      <td>{formatDate(i.occurrenceDateTime ?? i.occurrenceString)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <Button variant="secondary" className="no-print" onClick={() => window.print()}>
              {m.summary.print}
            </Button>
          </>
        )}
      </section>

      <section aria-labelledby="vitals" className="no-print">
        <h2 id="vitals">{isChild ? `${m.summary.vitals} · ${m.summary.growth}` : m.summary.vitals}</h2>
        {vitalKinds.length === 0 && <p>{m.summary.noVitals}</p>}
        {vitalKinds.map((kind) => {
          const list = vitals.get(kind)!;
          const latest = list[list.length - 1];
          const name = m.summary.vitalNames[kind];
          return (
            <div key={kind} className="card">
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
              {list.length > 1 && (
                <details>
                  <summary>{m.results.historyTable}</summary>
                  <table id={`vitals-${kind}-table`}>
                    <caption className="visually-hidden">{name}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{m.results.date}</th>
                        <th scope="col">{name}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...list].reverse().map((o) => (
                        <tr key={o.id}>
                          <td>{formatDate(observationDate(o))}</td>
                          <td>{vitalValueText(o, formatNumber, m.summary.units) ?? m.notRecorded}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              )}
            </div>
          );
        })}
      </section>

      {isChild && (
        <Suspense fallback={null}>
          <GrowthCharts vitals={s.vitals} patient={s.patient} />
        </Suspense>
      )}


      <section aria-labelledby="procedures" className="no-print">
        <h2 id="procedures">{m.summary.procedures}</h2>
        {s.procedures.length === 0 ? (
          <p>{m.summary.noProcedures}</p>
        ) : (
          <ul>
            {s.procedures.map((p) => {
              const name = procedureName(p.code, locale, m.fallback.procedure);
              return (
                <li key={p.id}>
                  {name.name} · {formatDate(p.performedDateTime ?? p.performedPeriod?.start)}
                  {name.official && <p className="meta">{m.summary.officialName(name.official)}</p>}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="careteam" className="no-print">
        <h2 id="careteam">{m.summary.careTeam}</h2>
        {careTeam.length === 0 ? (
          <p>{m.summary.noCareTeam}</p>
        ) : (
          <ul>
            {careTeam.map((p) => (
              <li key={p.key}>
                {p.name}
                {p.role ? ` · ${p.role}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="goals" className="no-print">
        <h2 id="goals">{m.summary.goals}</h2>
        {s.goals.length === 0 ? (
          <p>{m.summary.noGoals}</p>
        ) : (
          <ul>
            {s.goals.map((g) => (
              <li key={g.id}>{conceptText(g.description, m.fallback.goal)}</li>
            ))}
          </ul>
        )}
      </section>
      <p className="meta visually-hidden">{humanName(s.patient.name)}</p>
    </>
  );
}
