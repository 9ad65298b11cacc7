import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/index.js';
import { loadHealthSummary } from '../features/records/load-records.js';
import { useRecord } from '../features/records/use-record.js';
import { conceptText, humanName } from '../features/records/format-common.js';
import { VITAL_KINDS, groupVitals } from '../features/records/format-vitals.js';
import { AllergyList, ImmunizationTable, ProblemList, VitalCards } from '../features/records/health-summary-lists.js';
import { careTeamMembers } from '../features/records/care-team.js';
import { procedureName } from '#plain-words/procedure-name.js';
import { AsWritten, ItemName, OfficialName } from '../features/records/clinic-words.js';
import { SavedNotice } from '../features/records/result-views.js';
import { Button, ErrorMessage, Loading, PageTitle } from '../ui/primitives.js';

// The WHO/CDC reference tables (about 16 KB gzipped) load only when the patient is a child. If the
// chunk cannot load (offline before it was ever fetched), the rest of the summary still shows.
const GrowthCharts = lazy(() => import('../features/records/growth/growth-charts.js').catch(() => ({ default: () => null })));

export default function SummaryScreen() {
  const { m, locale, formatDate } = useI18n();
  const { data, error, loading, reload } = useRecord('summary', loadHealthSummary);
  // The heading shows at once, like the other tabs, while the summary's data loads (it is the largest).
  if (!data)
    return (
      <>
        <PageTitle>{m.summary.title}</PageTitle>
        {loading ? <Loading /> : <ErrorMessage error={error} onRetry={reload} />}
      </>
    );
  if (error !== undefined)
    return (
      <>
        <PageTitle>{m.summary.title}</PageTitle>
        <ErrorMessage error={error} onRetry={reload} />
      </>
    );
  const s = data.value;
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
        <ProblemList conditions={s.conditions} />
      </section>

      <section aria-labelledby="allergies" className="no-print">
        <h2 id="allergies">{m.summary.allergies}</h2>
        <AllergyList allergies={s.allergies} />
      </section>

      <section aria-labelledby="immunizations">
        <h2 id="immunizations">{m.summary.immunizations}</h2>
        {s.immunizations.length === 0 ? (
          <p>{m.summary.noImmunizations}</p>
        ) : (
          <>
            <ImmunizationTable immunizations={s.immunizations} />
            <Button variant="secondary" className="no-print" onClick={() => window.print()}>
              {m.summary.print}
            </Button>
          </>
        )}
      </section>

      <section aria-labelledby="vitals" className="no-print">
        <h2 id="vitals">{isChild ? `${m.summary.vitals} · ${m.summary.growth}` : m.summary.vitals}</h2>
        {vitalKinds.length === 0 && <p>{m.summary.noVitals}</p>}
        <VitalCards vitals={vitals} kinds={vitalKinds} />
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
                  <ItemName name={name} /> · {formatDate(p.performedDateTime ?? p.performedPeriod?.start)}
                  {name.official && <OfficialName name={name.official} />}
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
              <li key={g.id}>{conceptText(g.description, '') ? <AsWritten>{conceptText(g.description, '')}</AsWritten> : m.fallback.goal}</li>
            ))}
          </ul>
        )}
      </section>
      <p className="meta visually-hidden">{humanName(s.patient.name)}</p>
    </>
  );
}
