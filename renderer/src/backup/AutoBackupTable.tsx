/**
 * The automatic backups main has written, newest first: when (in words), why,
 * how big, and a Restore button each. Used by the restore chooser and by
 * Town › Your data. Choosing one never replaces anything by itself: it leads to
 * the same preview and confirmation as a backup file.
 */
import type { AutoBackupInfo } from '../../../shared/ipc/contract';
import { ActionsHeader } from '../components/RowActions';
import { autoBackupKind, formatBytes, formatWrittenAt } from './format';

export function AutoBackupTable({
  backups,
  caption,
  onChoose,
}: {
  backups: readonly AutoBackupInfo[];
  caption: string;
  onChoose: (backup: AutoBackupInfo) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Written</th>
            <th scope="col">Why</th>
            <th scope="col" className="num">
              Size
            </th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {/* In main's order: by write sequence, newest first. Never re-sorted by time here: a
              clock set back would put a backup dated 2030 above today's. */}
          {backups.map((b) => {
            const when = formatWrittenAt(b.writtenAt);
            return (
              <tr key={b.fileName}>
                <td>{when}</td>
                <td>{autoBackupKind(b.fileName)}</td>
                <td className="num">{formatBytes(b.bytes)}</td>
                <td className="actions">
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Restore… the backup written ${when}`}
                    onClick={() => onChoose(b)}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
