// "Growth charts" on the Health summary of a child: weight, length or height, BMI and head size on
// the WHO (to 2 years) and CDC (2 to 20 years) reference curves, each with its percentile worked
// out from L, M and S. Loaded on its own (React.lazy) only for children, so the reference tables
// never reach an adult's phone.
import type { Observation, Patient } from '@medplum/fhirtypes';
import { useI18n } from '../../../i18n/index.js';
import { GrowthCurveChart } from './growth-curve-chart.js';
import { growthMeasurements, growthSex, type GrowthMeasurement } from './growth-measurements.js';
import type { GrowthMeasure } from './references.js';

const UNITS: Record<GrowthMeasure, string> = { weight: 'kg', stature: 'cm', bmi: 'kg/m²', headCircumference: 'cm' };

export default function GrowthCharts({ vitals, patient }: { vitals: Observation[]; patient: Patient }) {
  const { m, locale, formatDate, formatNumber } = useI18n();
  const sex = growthSex(patient);
  const measures = growthMeasurements(vitals, patient.birthDate, sex);
  if (!sex || measures.size === 0) return null;
  const ageText = (months: number) => (months < 24 ? m.summary.ageMonths(Math.round(months)) : m.summary.ageYears(months / 12));
  const valueText = (measure: GrowthMeasure, p: GrowthMeasurement) => `${formatNumber(p.value, measure === 'weight' && p.value < 20 ? 2 : 1)} ${UNITS[measure]}`;
  // Below 1 and above 99 the curves are thin: say so rather than "0th" or "100th".
  const percentileText = (p: number) => (p < 1 ? m.summary.percentileBelow : p > 99 ? m.summary.percentileAbove : m.summary.percentile(formatNumber(Math.round(p), 0)));
  const percentileShort = (p: number) => (p < 1 ? m.summary.percentileBelowShort : p > 99 ? m.summary.percentileAboveShort : m.summary.percentileShort(formatNumber(Math.round(p), 0)));
  return (
    <section aria-labelledby="growth-charts" className="no-print">
      <h2 id="growth-charts">{m.summary.growthCharts}</h2>
      <p>{m.summary.growthChartsIntro}</p>
      {[...measures.entries()].map(([measure, points]) => {
        const infantOnly = points.every((p) => p.source === 'who');
        const nameKey = measure === 'stature' && infantOnly ? 'length' : measure;
        const name = m.summary.growthMeasures[nameKey];
        const latest = points[points.length - 1];
        const sources = new Intl.ListFormat(locale).format([...new Set(points.map((p) => m.summary.growthSources[p.source]))]);
        const label = m.summary.growthCurveLabel(name, points.length, `${valueText(measure, latest)} (${ageText(latest.ageMonths)})`, percentileText(latest.percentile), sources);
        const id = `growth-${measure}`;
        return (
          <div key={measure} className="card">
            <div className="row">
              <h3 id={id}>{name}</h3>
              <span className="value">{percentileText(latest.percentile)}</span>
            </div>
            <p className="meta">
              {m.summary.latest(formatDate(latest.date, 'long'))}: {valueText(measure, latest)}
            </p>
            <GrowthCurveChart measure={measure} sex={sex} points={points} label={label} ageText={ageText} formatNumber={formatNumber} />
            <p className="meta">{m.summary.growthComparedWith(sources)}</p>
            <details>
              <summary>{m.results.historyTable}</summary>
              <table aria-labelledby={id}>
                <thead>
                  <tr>
                    <th scope="col">{m.results.date}</th>
                    <th scope="col">{`${m.summary.growthShortNames[nameKey]} (${UNITS[measure]})`}</th>
                    <th scope="col">{m.summary.percentileHeading}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...points].reverse().map((p) => (
                    <tr key={p.id}>
                      <td>
                        {formatDate(p.date)}
                        <br />
                        <span className="meta">{ageText(p.ageMonths)}</span>
                      </td>
                      <td>{formatNumber(p.value, measure === 'weight' && p.value < 20 ? 2 : 1)}</td>
                      <td>{percentileShort(p.percentile)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </div>
        );
      })}
    </section>
  );
}
