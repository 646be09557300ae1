import { ComponentChildren } from 'preact';
import { FieldErrors } from './forms';

interface FieldProps {
  name: string;
  label: string;
  errors?: FieldErrors;
  hint?: string;
}

function describedBy(name: string, errors: FieldErrors | undefined, hint?: string) {
  const ids = [hint ? `${name}-hint` : '', errors?.[name] ? `${name}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function LabelAndHint({ name, label, hint }: { name: string; label: string; hint?: string }) {
  return (
    <>
      <label for={name}>{label}</label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
    </>
  );
}

function Problems({ name, errors }: { name: string; errors?: FieldErrors }) {
  const problems = errors?.[name];
  return problems ? (
    <p class="field-error" id={`${name}-error`}>
      {problems.join('; ')}
    </p>
  ) : null;
}

/** A labelled input with its hint and its problems beside it. */
export function TextField({
  name,
  label,
  errors,
  hint,
  value,
  type = 'text',
  required = false,
  autocomplete,
  inputMode,
  maxLength,
}: FieldProps & {
  value?: string | number | null;
  type?:
    | 'text'
    | 'email'
    | 'password'
    | 'url'
    | 'number'
    | 'date'
    | 'datetime-local'
    | 'time'
    | 'search';
  required?: boolean;
  autocomplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'url' | 'search';
  maxLength?: number;
}) {
  return (
    <div class={`field${errors?.[name] ? ' has-error' : ''}`}>
      <LabelAndHint name={name} label={label} hint={hint} />
      <input
        id={name}
        name={name}
        type={type}
        value={value ?? ''}
        required={required}
        autocomplete={autocomplete}
        inputMode={inputMode}
        maxLength={maxLength}
        aria-invalid={errors?.[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, errors, hint)}
      />
      <Problems name={name} errors={errors} />
    </div>
  );
}

export function TextArea({
  name,
  label,
  errors,
  hint,
  value,
  rows = 3,
}: FieldProps & { value?: string | null; rows?: number }) {
  return (
    <div class={`field${errors?.[name] ? ' has-error' : ''}`}>
      <LabelAndHint name={name} label={label} hint={hint} />
      <textarea
        id={name}
        name={name}
        rows={rows}
        aria-invalid={errors?.[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, errors, hint)}
      >
        {value ?? ''}
      </textarea>
      <Problems name={name} errors={errors} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  errors,
  hint,
  value,
  options,
  required = false,
}: FieldProps & {
  value?: string | null;
  options: { value: string; label: string }[];
  required?: boolean;
}) {
  return (
    <div class={`field${errors?.[name] ? ' has-error' : ''}`}>
      <LabelAndHint name={name} label={label} hint={hint} />
      <select
        id={name}
        name={name}
        required={required}
        aria-invalid={errors?.[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, errors, hint)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
      <Problems name={name} errors={errors} />
    </div>
  );
}

export function CheckboxField({ name, label, errors, checked }: FieldProps & { checked: boolean }) {
  return (
    <div class={`field checkbox${errors?.[name] ? ' has-error' : ''}`}>
      <input
        id={name}
        name={name}
        type="checkbox"
        value="on"
        checked={checked}
        aria-describedby={errors?.[name] ? `${name}-error` : undefined}
      />
      <label for={name}>{label}</label>
      <Problems name={name} errors={errors} />
    </div>
  );
}

/** The problems of a whole form (not of one field), announced to screen readers. */
export function FormProblems({ problems }: { problems: string[] }) {
  return problems.length > 0 ? (
    <div class="form-problems" role="alert">
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  ) : null;
}

export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <p class="notice" role="status">
      {children}
    </p>
  );
}
