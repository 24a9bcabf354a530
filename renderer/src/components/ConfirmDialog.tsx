/**
 * "Are you sure?" before something destructive, e.g.
 * "Ann Lee attended 3 sessions. Deleting her also removes those 3 attendance records."
 * Focus starts on Cancel, so a stray Enter does no harm.
 */
import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  /** What will happen, in words, with counts. */
  message: ReactNode;
  /** The confirm button's words, e.g. "Delete person". */
  confirmLabel: string;
  cancelLabel?: string;
  /** Red confirm button (default true: this dialog guards deletes). */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger = true,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      footer={
        <div className="form-actions">
          <button type="button" className="btn" onClick={onCancel} data-autofocus>
            {cancelLabel}
          </button>
          <button
            type="button"
            className={danger ? 'btn btn-danger btn-solid' : 'btn btn-primary'}
            onClick={onConfirm}
          >
            {confirmLabel}
          </button>
        </div>
      }
    >
      <div>{message}</div>
    </Dialog>
  );
}
