/**
 * Add or edit one session of a training: date, times, place or link, and (for when
 * not every attendee is on the roster) the total attendee count from the sign-in sheet
 * and the departments represented. Validated with the shared schema as the user types.
 *
 * The count has one meaning everywhere (P2.3): the total number of municipal attendees,
 * roster or not. The engine takes the larger of it and the number ticked, so a total
 * below the number ticked is a data warning, shown here next to the box as the clerk types.
 */
import { useId, useState } from 'react';
import { newId, putSession } from '../../../db/repositories';
import type { SessionInput } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import { sessionSchema } from '../../../../shared/domain/schema';
import type { Session, Training } from '../../../../shared/domain/schema';
import { DateField } from '../../components/DateField';
import { NumberField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import type { FormErrors } from '../../lib/formErrors';
import { problemsSummary, useForm } from '../../lib/useForm';
import { longDate } from './catalog';
import { useFocusField } from './useFocusField';

/** Plainer words than the schema's format message for a date not entered yet. */
function friendlier(errors: FormErrors, draft: SessionInput): FormErrors {
  const out = { ...errors };
  if (out.date && (draft.date === null || draft.date === '')) out.date = 'Date is required';
  return out;
}

export interface SessionDialogProps {
  db: AppDB;
  /** null: a new session. */
  session: Session | null;
  training: Training;
  onClose: () => void;
  onSaved: (session: Session, isNew: boolean) => void;
  /** For a new session right after its training was added: says so in the title. */
  firstAfterNewTraining?: boolean;
  focusField?: string | undefined;
  /** How many people are ticked as attending this session on the Attendance screen. */
  tickedCount?: number;
}

export function SessionDialog({
  db,
  session,
  training,
  onClose,
  onSaved,
  firstAfterNewTraining = false,
  focusField,
  tickedCount = 0,
}: SessionDialogProps) {
  const initial: SessionInput = session ?? {
    id: newId(),
    trainingId: training.id,
    // Empty until the clerk picks one: a guessed date would be silently wrong evidence.
    date: null as unknown as string,
    startTime: null,
    endTime: null,
    location: '',
    reportedAttendeeCount: null,
    departmentsReported: [],
  };
  const form = useForm(sessionSchema, initial);
  const { draft } = form;
  const errors = friendlier(form.errors, draft);
  const summary = form.submitted ? problemsSummary(form.allErrors) : null;
  const bodyRef = useFocusField(focusField);
  // The department being typed: kept here so Save can refuse to drop it silently.
  const [deptText, setDeptText] = useState('');
  const [deptMessage, setDeptMessage] = useState<string | null>(null);

  // The engine's P2.3 data warning, said where the number is typed.
  const reported = draft.reportedAttendeeCount;
  const belowTicked =
    typeof reported === 'number' && reported < tickedCount && errors.reportedAttendeeCount === undefined;

  const save = async () => {
    if (deptText.trim() !== '') {
      setDeptMessage(`Press “Add department” to add “${deptText.trim()}”, or clear the box`);
      bodyRef.current?.querySelector<HTMLElement>('input[name="departmentsReported"]')?.focus();
      return;
    }
    const result: { saved?: Session } = {};
    const ok = await form.submit(async (s) => {
      result.saved = await putSession(db, s);
    });
    if (ok && result.saved) onSaved(result.saved, session === null);
  };

  const title = session
    ? `Edit the ${longDate(session.date)} session`
    : firstAfterNewTraining
      ? `When was ${training.name} held?`
      : `Add a session of ${training.name}`;

  return (
    <FormDialog
      wide
      title={title}
      description={
        session
          ? `A session of ${training.name}.`
          : firstAfterNewTraining
            ? `${training.name} is saved. Add the first date it was held (or will be), or press Cancel to add dates later.`
            : 'One date the training was held (or will be). Fields marked (optional) may stay empty.'
      }
      onClose={onClose}
      onSave={() => void save()}
      saving={form.saving}
      dirty={form.dirty}
      saveLabel="Save session"
      summary={summary}
      bodyRef={bodyRef}
    >
      <div className="grid-3">
        <DateField
          label="Date"
          name="date"
          value={draft.date ?? null}
          onChange={(v) => form.set('date', v as string)}
          error={errors.date}
          required
        />
        <TextField
          label="Start time"
          name="startTime"
          type="time"
          value={draft.startTime ?? ''}
          onChange={(v) => form.set('startTime', v === '' ? null : v)}
          error={errors.startTime}
          required={false}
        />
        <TextField
          label="End time"
          name="endTime"
          type="time"
          value={draft.endTime ?? ''}
          onChange={(v) => form.set('endTime', v === '' ? null : v)}
          error={errors.endTime}
          required={false}
        />
      </div>
      <TextField
        label="Place or link"
        name="location"
        autoComplete="off"
        hint="Where it was held, or the meeting link for a live virtual session."
        value={draft.location ?? ''}
        onChange={(v) => form.set('location', v)}
        error={errors.location}
        required={false}
      />
      <fieldset className="group">
        <legend>When not everyone who came is on your roster</legend>
        <p className="hint">
          People you tick on the Attendance screen are counted, with their departments, automatically. When
          some who came are not on your roster, type the total from the sign-in sheet here: the app counts the
          larger of this total and the number ticked.
        </p>
        <NumberField
          label="Total attendees, including those ticked on the roster"
          name="reportedAttendeeCount"
          hint={`The total number of municipal staff, Board of Education employees and elected officials who attended, from the sign-in sheet, counting the ${tickedCount === 1 ? 'one person' : `${tickedCount} people`} ticked on the Attendance screen. Leave it empty when everyone who came is ticked.`}
          min={0}
          step={1}
          value={draft.reportedAttendeeCount ?? null}
          onChange={(v) => form.set('reportedAttendeeCount', v)}
          error={errors.reportedAttendeeCount}
          required={false}
        />
        {belowTicked ? (
          <p className="notice notice-warning small" data-field="reportedAttendeeCount-warning">
            <strong>Check this number:</strong> the total ({draft.reportedAttendeeCount}) is below the{' '}
            {tickedCount} people ticked on the roster for this session. It is the total, including them; the
            app counts {tickedCount} until it is corrected.
          </p>
        ) : null}
        <DepartmentsField
          departments={draft.departmentsReported ?? []}
          errors={errors}
          text={deptText}
          setText={setDeptText}
          message={deptMessage}
          setMessage={setDeptMessage}
          onChange={(list) => form.change({ ...draft, departmentsReported: list }, 'departmentsReported')}
        />
      </fieldset>
      {errors.trainingId ? <p className="error">{errors.trainingId}</p> : null}
      {errors[''] ? <p className="error">{errors['']}</p> : null}
    </FormDialog>
  );
}

/** A typed list: type a department, press Enter or "Add department"; each one can be removed. */
function DepartmentsField({
  departments,
  errors,
  onChange,
  text,
  setText,
  message,
  setMessage,
}: {
  departments: readonly string[];
  errors: FormErrors;
  onChange: (list: string[]) => void;
  text: string;
  setText: (text: string) => void;
  message: string | null;
  setMessage: (message: string | null) => void;
}) {
  const id = useId();
  const listError =
    errors.departmentsReported ??
    departments.map((_, i) => errors[`departmentsReported[${i}]`]).find(Boolean);

  const add = () => {
    const name = text.trim().replace(/\s+/g, ' ');
    if (name === '') {
      setMessage('Type a department name first');
      return;
    }
    if (departments.some((d) => d.toLowerCase() === name.toLowerCase())) {
      setMessage(`${name} is already in the list`);
      return;
    }
    onChange([...departments, name]);
    setText('');
    setMessage(null);
  };

  const error = message ?? listError;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');

  return (
    <div className="field" data-field="departmentsReported">
      <label htmlFor={id}>
        Departments represented <span className="optional">(optional)</span>
      </label>
      <p className="hint" id={`${id}-hint`}>
        e.g. Public Works, Library, Police. Type one and press Enter.
      </p>
      {departments.length > 0 ? (
        <ul className="chip-list" aria-label="Departments added">
          {departments.map((d, i) => (
            <li key={`${d}-${i}`} className="chip">
              <span>{d}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${d}`}
                onClick={() => onChange(departments.filter((_, j) => j !== i))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="row">
        <input
          id={id}
          type="text"
          name="departmentsReported"
          autoComplete="off"
          className="department-input"
          value={text}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setMessage(null);
          }}
          onKeyDown={(e) => {
            // Enter adds the department instead of submitting the whole dialog.
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="btn" onClick={add}>
          Add department
        </button>
      </div>
      {error ? (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
