/**
 * A labelled form control with an optional hint and error message.
 *
 * The hint and the error are tied to the control with `aria-describedby`, and
 * the control gets `aria-invalid` while there is an error, so a screen reader
 * reads "Name, required, invalid: Name is required". Use the ready-made
 * `TextField`, `TextAreaField`, `SelectField`, `NumberField`, `CheckboxField`
 * (and `DateField` in its own file), or `Field` with a render function for
 * anything else.
 */
import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/** Props `Field` hands to the control it wraps. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FieldProps {
  label: ReactNode;
  /** A sentence that helps fill the field in; shown under the label. */
  hint?: ReactNode;
  /** The validation message; shown under the control and announced with it. */
  error?: string | undefined;
  /** Marks the label "(optional)" when false; `true` sets aria-required. Default: neither. */
  required?: boolean;
  /** Use a given id (else one is generated). */
  id?: string;
  className?: string;
  /** Extra attributes for the wrapper (e.g. `data-field` for navigation targets). */
  'data-field'?: string;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ label, hint, error, required, id, className, children, ...rest }: FieldProps) {
  const generated = useId();
  const controlId = id ?? `f${generated}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={['field', className].filter(Boolean).join(' ')} data-field={rest['data-field']}>
      <label htmlFor={controlId}>
        {label}
        {required === false ? <span className="optional"> (optional)</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({
        id: controlId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(required ? { 'aria-required': true as const } : {}),
      })}
      {error ? (
        <p className="error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type Common = Omit<FieldProps, 'children'>;

export interface TextFieldProps
  extends Common, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'required'> {
  value: string;
  onChange: (value: string) => void;
}

/** A one-line text input (`type` may be 'text', 'email', 'search', 'time'). */
export function TextField({
  label,
  hint,
  error,
  required,
  id,
  className,
  value,
  onChange,
  ...input
}: TextFieldProps) {
  return (
    <Field {...{ label, hint, error, required, id, className }} data-field={input.name}>
      {(p) => (
        <input type="text" {...input} {...p} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

export interface TextAreaFieldProps
  extends
    Common,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'required'> {
  value: string;
  onChange: (value: string) => void;
}

export function TextAreaField({
  label,
  hint,
  error,
  required,
  id,
  className,
  value,
  onChange,
  ...area
}: TextAreaFieldProps) {
  return (
    <Field {...{ label, hint, error, required, id, className }} data-field={area.name}>
      {(p) => <textarea {...area} {...p} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps
  extends Common, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange' | 'required'> {
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** A first, empty choice such as "Choose a level…" (value ''). */
  placeholder?: string;
}

export function SelectField({
  label,
  hint,
  error,
  required,
  id,
  className,
  value,
  onChange,
  options,
  placeholder,
  ...select
}: SelectFieldProps) {
  return (
    <Field {...{ label, hint, error, required, id, className }} data-field={select.name}>
      {(p) => (
        <select {...select} {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export interface NumberFieldProps
  extends
    Common,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'required' | 'type'> {
  /** null while the box is empty (or not a number). */
  value: number | null;
  onChange: (value: number | null) => void;
}

/** A number input; an empty or unreadable box gives null, so the schema can say what is wrong. */
export function NumberField({
  label,
  hint,
  error,
  required,
  id,
  className,
  value,
  onChange,
  ...input
}: NumberFieldProps) {
  return (
    <Field {...{ label, hint, error, required, id, className }} data-field={input.name}>
      {(p) => (
        <input
          inputMode="decimal"
          {...input}
          {...p}
          type="number"
          value={value === null || Number.isNaN(value) ? '' : String(value)}
          onChange={(e) => {
            const n = e.target.valueAsNumber;
            onChange(e.target.value === '' || Number.isNaN(n) ? null : n);
          }}
        />
      )}
    </Field>
  );
}

export interface CheckboxFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'checked' | 'onChange' | 'type'
> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  id?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A checkbox with its label to the right (clicking the words ticks the box). */
export function CheckboxField({
  label,
  hint,
  error,
  id,
  checked,
  onChange,
  className,
  ...input
}: CheckboxFieldProps) {
  const generated = useId();
  const controlId = id ?? `f${generated}`;
  const describedBy = [hint ? `${controlId}-hint` : null, error ? `${controlId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={['field field-inline', className].filter(Boolean).join(' ')} data-field={input.name}>
      <input
        {...input}
        type="checkbox"
        id={controlId}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
      />
      <div className="field-text">
        <label htmlFor={controlId}>{label}</label>
        {hint ? (
          <p className="hint" id={`${controlId}-hint`}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="error" id={`${controlId}-error`}>
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
