// Form controls the staff forms need beyond ui/field.tsx: a multi-line field, a radio group and a
// checkbox, each labelled, with hint and error tied in through aria-describedby (WCAG 1.3.1, 3.3.1).
import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { FieldFrame } from '../../ui/field.js';

export function TextAreaField({ label, hint, error, ...input }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string }) {
  return <FieldFrame label={label} hint={hint} error={error} control={(props) => <textarea {...props} {...input} />} />;
}

export interface Choice<T extends string> {
  value: T;
  label: ReactNode;
  hint?: string;
}

export function RadioGroup<T extends string>({ legend, hint, name, choices, value, onChange, error }: { legend: string; hint?: string; name: string; choices: Choice<T>[]; value: T; onChange(value: T): void; error?: string }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="choices" aria-describedby={described}>
      <legend>{legend}</legend>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {choices.map((c, i) => (
        <div className="choice" key={c.value}>
          <input type="radio" id={`${id}-${i}`} name={name} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} aria-describedby={c.hint ? `${id}-${i}-hint` : undefined} />
          <div>
            <label htmlFor={`${id}-${i}`}>{c.label}</label>
            {c.hint && (
              <span className="hint" id={`${id}-${i}-hint`}>
                {c.hint}
              </span>
            )}
          </div>
        </div>
      ))}
      {error && (
        <span className="error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

export function CheckboxField({ label, hint, checked, onChange }: { label: string; hint?: string; checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className="choice">
      <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <span className="hint" id={`${id}-hint`}>
            {hint}
          </span>
        )}
      </div>
    </div>
  );
}
