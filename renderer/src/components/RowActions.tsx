/**
 * The Edit and Delete buttons at the end of a list row, and the header of their column.
 * Each button names its row for screen readers ("Edit Ann Lee", "Delete Ann Lee"),
 * so a list read out of context still says which record a button acts on.
 */
import type { ReactNode } from 'react';

export interface RowActionsProps {
  /** Which record, as heard after "Edit" and "Delete", e.g. "Ann Lee" or "coaching on 2024-03-05". */
  name: ReactNode;
  onEdit: () => void;
  onDelete: () => void;
}

export function RowActions({ name, onEdit, onDelete }: RowActionsProps) {
  return (
    <td className="actions">
      {/* A wrapping row: on a narrow window Delete goes under Edit instead of off the table. */}
      <div className="row-actions">
        <button type="button" className="btn btn-small" onClick={onEdit}>
          Edit<span className="visually-hidden"> {name}</span>
        </button>
        <button type="button" className="btn btn-small btn-danger" onClick={onDelete}>
          Delete<span className="visually-hidden"> {name}</span>
        </button>
      </div>
    </td>
  );
}

/** The actions column's header: empty to the eye, "Actions" to a screen reader. */
export function ActionsHeader() {
  return (
    <th scope="col" className="actions">
      <span className="visually-hidden">Actions</span>
    </th>
  );
}
