/**
 * The app's one way to delete: ask first (saying what else goes with it), delete
 * in one repository call, then offer "Undo" in a toast that puts everything back.
 *
 *   const del = useDeleteWithUndo(db);
 *   del.ask({ title: 'Delete Ann Lee?', message: '…', confirmLabel: 'Delete person',
 *             run: () => deletePerson(db, id), done: 'Ann Lee deleted.' });
 *   return <>{…}{del.dialog}</>;
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { undoDelete } from '../../db/repositories';
import type { Undo } from '../../db/repositories';
import type { AppDB } from '../../db/schema';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { notify } from '../store/ui';

export interface DeleteRequest {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** The repository delete; its Undo is offered in the toast. */
  run: () => Promise<Undo>;
  /** The toast's words after deleting, e.g. "Ann Lee deleted." */
  done: string;
}

export function useDeleteWithUndo(db: AppDB): { ask: (request: DeleteRequest) => void; dialog: ReactNode } {
  const [pending, setPending] = useState<DeleteRequest | null>(null);

  const confirm = async () => {
    const request = pending;
    setPending(null);
    if (!request) return;
    try {
      const undo = await request.run();
      notify({ kind: 'success', text: request.done, undo: () => undoDelete(db, undo) });
    } catch (e) {
      notify({ kind: 'error', text: `Nothing was deleted: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      title={pending?.title ?? ''}
      message={pending?.message}
      confirmLabel={pending?.confirmLabel ?? 'Delete'}
      onConfirm={() => void confirm()}
      onCancel={() => setPending(null)}
    />
  );
  return { ask: setPending, dialog };
}
