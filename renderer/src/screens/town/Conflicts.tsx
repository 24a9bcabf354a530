/**
 * Town › Sharing › Conflicts: records changed on two computers (or by a merged backup)
 * before either saw the other's change. The version the app shows now stands beside each
 * version set aside, field by field (shared/sync/conflicts.ts says which fields differ and
 * how to say their values); one click keeps either. Nothing is lost until the clerk decides.
 */
import { useState } from 'react';
import { conflictTitle, differences } from '../../../../shared/sync/conflicts';
import type { ConflictRow, ConflictVersion } from '../../../../shared/sync/conflicts';
import { useConflicts } from '../../../db/sync';
import type { AppDB } from '../../../db/schema';
import { keepVersion } from '../../../sync/controller';
import { notify } from '../../store/ui';

/** "3 conflicts", for headings and the rail's count. */
export function conflictsInWords(n: number): string {
  return n === 1 ? '1 conflict' : `${n.toLocaleString('en-US')} conflicts`;
}

function noticedOn(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * `hideWhenEmpty`: with sharing off the list shows only when a merged backup left conflicts
 * (an empty "Conflicts" heading would puzzle a clerk who never shared).
 */
export function Conflicts({ db, hideWhenEmpty = false }: { db: AppDB; hideWhenEmpty?: boolean }) {
  const rows = useConflicts(db);
  if (hideWhenEmpty && (rows === undefined || rows.length === 0)) return null;
  return (
    <>
      <h3 id="conflicts-title">Conflicts</h3>
      {rows === undefined ? (
        <p className="muted">Checking…</p>
      ) : rows.length === 0 ? (
        <p className="muted">No conflicts.</p>
      ) : (
        <>
          <p>
            {conflictsInWords(rows.length)} to look at. These records were changed in two places before either
            saw the other’s change. The app shows one version for now; keep the right one.
          </p>
          <ul className="plain-list conflict-list" aria-labelledby="conflicts-title">
            {rows.map((row) => (
              <li key={row.id}>
                <ConflictEntry db={db} row={row} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function ConflictEntry({ db, row }: { db: AppDB; row: ConflictRow }) {
  const [busy, setBusy] = useState(false);
  const title = conflictTitle(row);
  const headingId = `conflict-${row.id}`;

  const keep = async (version: ConflictVersion) => {
    setBusy(true);
    try {
      await keepVersion(row, version, db);
      notify({ kind: 'success', text: `${title}: the version you chose is kept.` });
    } catch (e) {
      notify({
        kind: 'error',
        text: `${title}: the version could not be kept (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`,
      });
      setBusy(false);
    }
  };

  return (
    <article className="conflict" aria-labelledby={headingId}>
      <h4 id={headingId}>{title}</h4>
      <p className="small muted">
        Noticed {noticedOn(row.detectedAt)} ·{' '}
        {row.source === 'merge' ? 'from a merged backup' : 'from sharing'}
      </p>
      {row.others.map((other, i) => {
        const lines = differences(row.winner.data, other.data);
        const otherName = row.others.length > 1 ? `Other version ${i + 1}` : 'Other version';
        return (
          <div className="table-wrap" key={other.rev ?? i}>
            <table className="table conflict-table">
              <caption className="visually-hidden">
                {title}: the version shown now beside {otherName.toLowerCase()}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Shown now</th>
                  <th scope="col">{otherName}</th>
                </tr>
              </thead>
              <tbody>
                {lines.length === 0 ? (
                  <tr>
                    <td colSpan={3} className="muted">
                      The two versions hold the same values.
                    </td>
                  </tr>
                ) : (
                  lines.map((line) => (
                    <tr key={line.label}>
                      <th scope="row">{line.label}</th>
                      <td>{line.winner}</td>
                      <td>{line.other}</td>
                    </tr>
                  ))
                )}
              </tbody>
              <tfoot>
                <tr>
                  <td />
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy}
                      aria-label={`Keep this version: the one shown now of ${title}`}
                      onClick={() => void keep(row.winner)}
                    >
                      Keep this version
                    </button>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy}
                      aria-label={`Keep this version: ${otherName.toLowerCase()} of ${title}`}
                      onClick={() => void keep(other)}
                    >
                      Keep this version
                    </button>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        );
      })}
    </article>
  );
}
