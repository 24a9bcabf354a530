/**
 * A calendar date as a native `<input type="date">`: the browser's own date
 * picker (keyboard-ready, localised), while the value stays an ISO
 * `YYYY-MM-DD` string end to end. Empty is `null`.
 */
import type { InputHTMLAttributes } from 'react';
import { Field } from './Field';
import type { FieldProps } from './Field';

export interface DateFieldProps
  extends
    Omit<FieldProps, 'children'>,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'required' | 'type'> {
  /** `YYYY-MM-DD`, or null when empty. */
  value: string | null;
  onChange: (value: string | null) => void;
}

export function DateField({
  label,
  hint,
  error,
  required,
  id,
  className,
  value,
  onChange,
  ...input
}: DateFieldProps) {
  return (
    <Field {...{ label, hint, error, required, id, className }} data-field={input.name}>
      {(p) => (
        <input
          {...input}
          {...p}
          type="date"
          value={value ?? ''}
          // The input's value is already YYYY-MM-DD (or '' when cleared or half-typed).
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        />
      )}
    </Field>
  );
}
