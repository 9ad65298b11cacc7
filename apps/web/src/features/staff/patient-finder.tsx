// The staff home's patient finder: name or MRN and/or date of birth, searched through the ordinary
// FHIR API with the staff session, so the server's access layer decides whom staff reach. The
// search lives in the address (?q=&dob=), so Back from a chart returns to the same results.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.js';
import { searchPatients } from '../../fhir-client/staff.js';
import { Link, navigate, useLocation } from '../../routes/router.js';
import { Field } from '../../ui/field.js';
import { Button, ErrorMessage, Loading } from '../../ui/primitives.js';
import { useAsync } from '../../ui/use-async.js';
import { PAGE_SIZE, patientQuery, patientSummary } from './patient-search.js';
import { useStaffText } from './staff-text.js';
import './staff.css';

export function PatientFinder() {
  const t = useStaffText();
  const { formatDate } = useI18n();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const dob = query.get('dob') ?? '';
  const params = patientQuery(q, dob);
  const results = useAsync((signal) => (params ? searchPatients(params, signal).then((ps) => ps.map(patientSummary)) : Promise.resolve(undefined)), [q, dob]);
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = String(data.get('q') ?? '').trim();
    const birthDate = String(data.get('dob') ?? '');
    if (!patientQuery(text, birthDate)) {
      setError(t.finder.needSomething);
      return;
    }
    setError(undefined);
    if (text === q && birthDate === dob) results.reload();
    else navigate(`/?${new URLSearchParams({ ...(text ? { q: text } : {}), ...(birthDate ? { dob: birthDate } : {}) })}`, { replace: true });
  };

  const found = results.data;
  const status = !params || results.loading || !found ? '' : found.length === 0 ? t.finder.none : t.finder.found(found.length);
  return (
    <>
      <form role="search" aria-label={t.finder.title} onSubmit={submit} noValidate>
        <Field label={t.finder.nameOrMrn} hint={t.finder.nameOrMrnHint} name="q" defaultValue={q} autoComplete="off" spellCheck={false} error={error} />
        <Field label={t.finder.birthDate} name="dob" type="date" defaultValue={dob} />
        <Button type="submit">{t.finder.search}</Button>
      </form>
      <section aria-labelledby="patient-results">
        <h2 id="patient-results" className={params ? undefined : 'visually-hidden'}>
          {t.finder.results}
        </h2>
        <p role="status">{status}</p>
        {params && results.loading && <Loading />}
        {params && results.error !== undefined && <ErrorMessage error={results.error} onRetry={results.reload} />}
        {found && found.length > 0 && (
          <ul className="list">
            {found.map((p) => (
              <li key={p.id}>
                <Link className="card" href={`/staff/patients/${encodeURIComponent(p.id)}`}>
                  <h3>{p.name || t.patient.unnamed}</h3>
                  <p className="meta">
                    {t.patient.birthDate}: {formatDate(p.birthDate, 'long')} · {t.patient.sex}: {t.patient.sexes[p.gender ?? 'unknown'] ?? t.patient.sexes.unknown} · {t.patient.mrn}: {p.mrn ?? t.patient.noMrn}
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {found && found.length >= PAGE_SIZE && <p className="meta">{t.finder.firstOnly(PAGE_SIZE)}</p>}
      </section>
    </>
  );
}
