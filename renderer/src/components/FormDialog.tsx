/**
 * The add-or-edit dialog every record form uses: a `Dialog` whose body is one form
 * (Enter saves), a Cancel + Save footer, and the "fix these first" summary at the
 * top of the body after a refused save.
 *
 * After a refused save the summary is announced (see `FormSummary`) and the
 * Dialog moves the keyboard to the first field with a message.
 *
 * Escape with unsaved changes (`dirty`) asks "Discard your changes?" first, so a stray
 * key never throws away what was typed; Cancel is the clerk saying so and closes at once.
 */
import type { ReactNode, Ref } from 'react';
import { askDiscard } from '../store/ui';
import { Dialog } from './Dialog';
import type { DialogProps } from './Dialog';

export interface FormDialogProps extends Pick<DialogProps, 'title' | 'description' | 'wide' | 'className'> {
  /** Cancel, Escape. */
  onClose: () => void;
  /** Save and Enter in a field. */
  onSave: () => void;
  /** While true, Save is disabled so a double click saves once. */
  saving: boolean;
  /** The Save button's words, e.g. "Save person". */
  saveLabel: ReactNode;
  /** What still needs fixing after a refused save; nothing shows while null. */
  summary?: ReactNode;
  /** The body's wrapper, for callers that focus a field inside it (e.g. "Fix" links). */
  bodyRef?: Ref<HTMLDivElement>;
  /** The form has unsaved changes (`useForm().dirty`): Escape asks before closing. */
  dirty?: boolean;
  children: ReactNode;
}

export function FormDialog({
  onClose,
  onSave,
  saving,
  saveLabel,
  summary,
  bodyRef,
  dirty = false,
  children,
  ...dialog
}: FormDialogProps) {
  const escape = () => {
    if (!dirty) onClose();
    else
      void askDiscard().then((discard) => {
        if (discard) onClose();
      });
  };
  return (
    <Dialog
      open
      {...dialog}
      onClose={escape}
      onSubmit={onSave}
      footer={
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saveLabel}
          </button>
        </div>
      }
    >
      {/* .stack spaces its children exactly as .dialog-body would, and gives callers one element to search. */}
      <div className="stack" ref={bodyRef}>
        <FormSummary summary={summary} />
        {children}
      </div>
    </Dialog>
  );
}

/**
 * What still needs fixing after a refused save, at the top of a form. A live
 * `role="alert"` so a screen reader hears why Save did nothing.
 */
export function FormSummary({ summary }: { summary?: ReactNode }) {
  return summary ? (
    <p className="notice notice-error" role="alert">
      {summary}
    </p>
  ) : null;
}
