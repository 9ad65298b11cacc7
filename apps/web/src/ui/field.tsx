// A labelled input with hint and error wired through aria-describedby (WCAG 1.3.1, 3.3.1).
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** Label, hint and error around any control; the control gets the ids that tie them together. */
export function FieldFrame({ label, hint, error, control }: { label: string; hint?: string; error?: string; control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {control({ id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined })}
      {error && (
        <span className="error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

export function Field({ label, hint, error, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string }) {
  return <FieldFrame label={label} hint={hint} error={error} control={(props) => <input {...props} {...input} />} />;
}
