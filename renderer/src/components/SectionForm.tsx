/**
 * A form that lives on a page rather than in a dialog (the Town screen's cards):
 * the same "fix these first" summary as a dialog, the fields, and a Save row that
 * says when there are unsaved changes, so a clerk who wanders off knows to come back.
 */
import type { ReactNode } from 'react';
import { FormSummary } from './FormDialog';

export interface SectionFormProps {
  /** Save and Enter in a field. */
  onSave: () => void;
  /** While true, Save is disabled so a double click saves once. */
  saving: boolean;
  /** The Save button's words, e.g. "Save town details". */
  saveLabel: ReactNode;
  /** The draft differs from what is stored. */
  changed: boolean;
  /** What still needs fixing after a refused save; nothing shows while null. */
  summary?: ReactNode;
  children: ReactNode;
}

export function SectionForm({ onSave, saving, saveLabel, changed, summary, children }: SectionFormProps) {
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <FormSummary summary={summary} />
      {children}
      <div className="form-actions">
        {changed ? <span className="muted small left">You have unsaved changes.</span> : null}
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saveLabel}
        </button>
      </div>
    </form>
  );
}
