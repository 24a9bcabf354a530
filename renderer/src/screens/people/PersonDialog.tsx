/**
 * Add or edit one person: name, email, resident, and each position with its
 * kind-specific fields and term. Validated with the shared person schema as the
 * user types; Save refuses until every message is fixed.
 */
import { useEffect, useRef } from 'react';
import { newId, putPerson } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import { electedBodyLabels, positionKindLabels, staffLevelLabels } from '../../../../shared/domain/labels';
import { personSchema } from '../../../../shared/domain/schema';
import type { ElectedBody, Person, PositionKind, StaffLevel } from '../../../../shared/domain/schema';
import { DateField } from '../../components/DateField';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import type { FormErrors } from '../../lib/formErrors';
import { focusElementFor } from '../../lib/useFocusTarget';
import { problemsSummary, useForm } from '../../lib/useForm';
import { today } from '../../lib/today';
import { notify } from '../../store/ui';
import { blankPosition, kindOptions, titleHints } from './positions';
import type { PositionInput } from './positions';

const bodyOptions = (Object.keys(electedBodyLabels) as ElectedBody[]).map((b) => ({
  value: b,
  label: electedBodyLabels[b],
}));
const levelOptions = (Object.keys(staffLevelLabels) as StaffLevel[]).map((l) => ({
  value: l,
  label: staffLevelLabels[l],
}));

/** Clearer words than the schema's generic enum message for a choice the user has not made yet. */
function friendlier(errors: FormErrors): FormErrors {
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    out[path] = path.endsWith('.level') && message.startsWith('Must be one of') ? 'Choose a level' : message;
  }
  return out;
}

export interface PersonDialogProps {
  db: AppDB;
  /** null: a new person. */
  person: Person | null;
  onClose: () => void;
  /** A field to focus when the dialog opens (from a "Fix" link), e.g. 'positions[0].title' or 'title'. */
  focusField?: string;
}

export function PersonDialog({ db, person, onClose, focusField }: PersonDialogProps) {
  const form = useForm(
    personSchema,
    person ?? { id: newId(), name: '', email: '', isResident: false, positions: [], notes: '' },
  );
  const { draft } = form;
  const errors = friendlier(form.errors);
  const positions = draft.positions ?? [];
  const summary = form.submitted ? problemsSummary(form.allErrors) : null;
  const bodyRef = useRef<HTMLDivElement>(null);
  // The position just added: its first field takes the keyboard once it is on screen.
  const addedId = useRef<string | null>(null);

  useEffect(() => {
    const id = addedId.current;
    if (id === null) return;
    addedId.current = null;
    const added = [...(bodyRef.current?.querySelectorAll<HTMLElement>('[data-record-id]') ?? [])].find(
      (el) => el.dataset.recordId === id,
    );
    added?.querySelector<HTMLElement>('select, input')?.focus();
  }, [positions.length]);

  useEffect(() => {
    if (!focusField || !bodyRef.current) return;
    const scope = bodyRef.current;
    if (!focusElementFor({ field: focusField }, scope)) {
      // A bare field name ('title') means that field of the first position that has one.
      scope.querySelector<HTMLElement>(`[name$=".${CSS.escape(focusField)}"]`)?.focus();
    }
  }, [focusField]);

  const setPosition = (i: number, next: PositionInput, field: string) =>
    form.change(
      { ...draft, positions: positions.map((p, j) => (j === i ? next : p)) },
      `positions[${i}].${field}`,
    );

  const save = async () => {
    const ok = await form.submit((p) => putPerson(db, p));
    if (ok) {
      onClose();
      notify({ kind: 'success', text: `${draft.name.trim()} saved.` });
    }
  };

  const title = person ? `Edit ${person.name}` : 'Add a person';

  return (
    <FormDialog
      wide
      title={title}
      description="Fields marked (optional) may stay empty."
      onClose={onClose}
      onSave={() => void save()}
      saving={form.saving}
      dirty={form.dirty}
      saveLabel="Save person"
      summary={summary}
      bodyRef={bodyRef}
    >
      <div className="grid-2">
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          value={draft.name}
          onChange={(v) => form.set('name', v)}
          error={errors.name}
          required
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          hint="Helps tell apart two people with the same name."
          value={draft.email ?? ''}
          onChange={(v) => form.set('email', v)}
          error={errors.email}
          required={false}
        />
      </div>
      <CheckboxField
        label="Lives in town (resident)"
        name="isResident"
        hint="A resident sustainability team member can fill the resident role in Part 1."
        checked={draft.isResident ?? false}
        onChange={(v) => form.set('isResident', v)}
      />
      <fieldset className="group">
        <legend>Positions</legend>
        <p className="hint">
          Add each position with its term. A position counts on a day between its start and end; leave the end
          empty while it continues.
        </p>
        {positions.length === 0 ? <p className="muted">No positions yet.</p> : null}
        {positions.map((p, i) => (
          <PositionEditor
            key={p.id}
            index={i}
            position={p}
            errors={errors}
            onChange={(next, field) => setPosition(i, next, field)}
            onRemove={() =>
              form.change({ ...draft, positions: positions.filter((_, j) => j !== i) }, `positions[${i}]`)
            }
          />
        ))}
        <AddPosition
          onAdd={(kind) => {
            const position = blankPosition(kind, newId());
            form.change({ ...draft, positions: [...positions, position] });
            addedId.current = position.id;
          }}
        />
      </fieldset>
      <TextAreaField
        label="Notes"
        name="notes"
        value={draft.notes ?? ''}
        onChange={(v) => form.set('notes', v)}
        error={errors.notes}
        required={false}
        rows={3}
      />
      {errors[''] ? <p className="error">{errors['']}</p> : null}
    </FormDialog>
  );
}

function AddPosition({ onAdd }: { onAdd: (kind: PositionKind) => void }) {
  const select = useRef<HTMLSelectElement>(null);
  return (
    <div className="row">
      <label htmlFor="new-position-kind" className="visually-hidden">
        Kind of position to add
      </label>
      <select id="new-position-kind" ref={select} defaultValue="elected" className="auto-width">
        {kindOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn"
        onClick={() => onAdd((select.current?.value ?? 'elected') as PositionKind)}
      >
        Add position
      </button>
    </div>
  );
}

interface PositionEditorProps {
  index: number;
  position: PositionInput;
  errors: FormErrors;
  onChange: (next: PositionInput, field: string) => void;
  onRemove: () => void;
}

function PositionEditor({ index, position: p, errors, onChange, onRemove }: PositionEditorProps) {
  const path = (field: string) => `positions[${index}].${field}`;
  const err = (field: string) => errors[path(field)];
  const set = (field: string, value: unknown) => onChange({ ...p, [field]: value }, field);
  const n = index + 1;

  return (
    <fieldset className="group" data-record-id={p.id}>
      <legend>
        Position {n}: {positionKindLabels[p.kind]}
      </legend>
      <div className="grid-2">
        <SelectField
          label="Kind"
          name={path('kind')}
          value={p.kind}
          onChange={(v) => onChange(blankPosition(v as PositionKind, p.id, p), 'kind')}
          options={kindOptions}
        />
        {p.kind === 'elected' ? (
          <SelectField
            label="Body"
            name={path('body')}
            value={p.body}
            onChange={(v) => set('body', v)}
            options={bodyOptions}
            error={err('body')}
          />
        ) : null}
        {p.kind === 'elected' && (p.body === 'otherExecutive' || p.body === 'otherElected') ? (
          <TextField
            label="Name of the body"
            name={path('bodyName')}
            hint="e.g. Board of Burgesses"
            value={p.bodyName ?? ''}
            onChange={(v) => set('bodyName', v)}
            error={err('bodyName')}
          />
        ) : null}
        {p.kind === 'staff' ? (
          <>
            <TextField
              label="Department"
              name={path('department')}
              value={p.department ?? ''}
              onChange={(v) => set('department', v)}
              error={err('department')}
            />
            <SelectField
              label="Level"
              name={path('level')}
              hint="Director and management level staff can fill the staff role in Part 1."
              value={p.level}
              placeholder="Choose a level…"
              onChange={(v) => set('level', v)}
              options={levelOptions}
              error={err('level')}
            />
          </>
        ) : null}
        {p.kind === 'boeEmployee' ? (
          <TextField
            label="School or department"
            name={path('school')}
            value={p.school ?? ''}
            onChange={(v) => set('school', v)}
            error={err('school')}
          />
        ) : null}
        {p.kind === 'appointed' ? (
          <TextField
            label="Commission or committee"
            name={path('body')}
            hint="e.g. Conservation Commission"
            value={p.body ?? ''}
            onChange={(v) => set('body', v)}
            error={err('body')}
          />
        ) : null}
        <TextField
          label="Title"
          name={path('title')}
          hint={titleHints[p.kind]}
          value={p.title ?? ''}
          onChange={(v) => set('title', v)}
          error={err('title')}
          required={p.kind === 'teamMember' ? false : undefined}
        />
        <DateField
          label="Start date"
          name={path('start')}
          value={p.start ?? null}
          onChange={(v) => set('start', v)}
          error={err('start')}
          required={false}
        />
        <DateField
          label="End date"
          name={path('end')}
          hint="Empty while the term continues."
          value={p.end ?? null}
          onChange={(v) => set('end', v)}
          error={err('end')}
          required={false}
        />
      </div>
      <div className="row">
        <button type="button" className="btn btn-small" onClick={() => set('end', today())}>
          End term today<span className="visually-hidden"> (position {n})</span>
        </button>
        <button type="button" className="btn btn-small btn-danger" onClick={onRemove}>
          Remove position {n}
        </button>
      </div>
    </fieldset>
  );
}
