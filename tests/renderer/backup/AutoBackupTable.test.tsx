// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AutoBackupTable } from '../../../renderer/src/backup/AutoBackupTable';
import type { AutoBackupInfo } from '../../../shared/ipc/contract';

describe('AutoBackupTable', () => {
  it('keeps the order main gives (write sequence), even when a clock set back dates an older backup later', () => {
    // Main lists newest first by write sequence: today's backup was written after one the
    // skewed clock stamped 2030, so it comes first although its time is earlier.
    const backups: AutoBackupInfo[] = [
      {
        fileName: 'auto-000031-2026-03-01T09-00-00-000Z-beforeRestore.json',
        writtenAt: '2026-03-01T09:00:00.000Z',
        bytes: 2048,
      },
      {
        fileName: 'auto-000030-2030-01-01T09-00-00-000Z-daily.json',
        writtenAt: '2030-01-01T09:00:00.000Z',
        bytes: 2048,
      },
    ];
    render(<AutoBackupTable backups={backups} caption="Automatic backups" onChoose={() => undefined} />);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows[0]?.textContent).toContain('2026');
    expect(rows[1]?.textContent).toContain('2030');
  });
});
