// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { saveConflicts } from '../../../renderer/db/sync';
import type { AppDB } from '../../../renderer/db/schema';
import type { SaveOutcome, SharingInput } from '../../../renderer/sync/vault';
import type { ConflictRow } from '../../../shared/sync/conflicts';
import type { SharingSettings } from '../../../shared/sync/settings';
import type { SyncState } from '../../../shared/sync/status';
import { makeDb, resetUi } from '../helpers';

// The controller is replaced by a store the test drives and spies for its actions: the
// screens only show its state and call it.
const controller = vi.hoisted(() => ({
  setUpSharing: vi.fn<(input: SharingInput, db?: unknown) => Promise<SaveOutcome>>(),
  joinSharedTown: vi.fn<(input: SharingInput, db?: unknown) => Promise<SaveOutcome>>(),
  syncNow: vi.fn(() => Promise.resolve()),
  pauseSharing: vi.fn(() => Promise.resolve()),
  resumeSharing: vi.fn(() => Promise.resolve()),
  stopSharing: vi.fn(() => Promise.resolve()),
  keepVersion: vi.fn(() => Promise.resolve()),
  startSharing: vi.fn(() => Promise.resolve()),
}));
vi.mock('../../../renderer/sync/controller', () => ({
  ...controller,
  useSync: create<{ state: SyncState; settings: SharingSettings | null; note: string | null }>(() => ({
    state: { kind: 'off' },
    settings: null,
    note: null,
  })),
}));

const { useSync } = await import('../../../renderer/sync/controller');
const { Sharing } = await import('../../../renderer/src/screens/town/Sharing');
const { RailSharingStatus, SENTENCE_REFRESH_MS } =
  await import('../../../renderer/src/screens/town/SharingStatus');
const { FirstRun } = await import('../../../renderer/src/screens/FirstRun');
const { useUi } = await import('../../../renderer/src/store/ui');

const SETTINGS: SharingSettings = {
  serverUrl: 'https://sync.example.org',
  database: 'maple-hollow',
  username: 'clerk',
  active: true,
};

let db: AppDB;
beforeEach(() => {
  resetUi();
  db = makeDb();
  vi.clearAllMocks();
  useSync.setState({ state: { kind: 'off' }, settings: null, note: null });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  db.close();
});

async function fillForm(scope: HTMLElement, password = 'pw') {
  const user = userEvent.setup();
  await user.type(
    within(scope).getByRole('textbox', { name: /^Server address/ }),
    'https://sync.example.org',
  );
  await user.type(within(scope).getByRole('textbox', { name: /^Database/ }), 'maple-hollow');
  await user.type(within(scope).getByRole('textbox', { name: /^User name/ }), 'clerk');
  await user.type(within(scope).getByLabelText(/^Password/), password);
  return user;
}

describe('Town › Sharing, off', () => {
  it('explains what a server is and who runs one, and turns sharing on with what was typed', async () => {
    controller.setUpSharing.mockResolvedValue({ ok: true, settings: SETTINGS, note: null });
    render(<Sharing db={db} />);
    const section = screen.getByRole('region', { name: 'Sharing between computers' });
    expect(section.textContent).toContain('council of governments');
    expect(section.textContent).toContain('the records stay on this computer only');
    const user = await fillForm(section);
    await user.click(
      within(section).getByRole('checkbox', { name: 'Remember the password in this browser' }),
    );
    await user.click(within(section).getByRole('button', { name: 'Turn on sharing' }));
    await waitFor(() => expect(controller.setUpSharing).toHaveBeenCalledTimes(1));
    expect(controller.setUpSharing.mock.calls[0]![0]).toEqual({
      serverUrl: 'https://sync.example.org',
      database: 'maple-hollow',
      username: 'clerk',
      password: 'pw',
      remember: true,
    });
  });

  it('shows each refusal next to its box, and a plain message when no box is to blame', async () => {
    controller.setUpSharing.mockResolvedValueOnce({
      ok: false,
      fieldErrors: { password: 'The server refused the user name or password.' },
      problem: 'password',
      message: 'The server refused the user name or password.',
    });
    render(<Sharing db={db} />);
    const section = screen.getByRole('region', { name: 'Sharing between computers' });
    const user = await fillForm(section, 'wrong');
    await user.click(within(section).getByRole('button', { name: 'Turn on sharing' }));
    const password = await within(section).findByLabelText(/^Password/);
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(within(section).getAllByText('The server refused the user name or password.')).toHaveLength(1);

    controller.setUpSharing.mockResolvedValueOnce({
      ok: false,
      fieldErrors: {},
      problem: 'server',
      message: 'The server had a problem. Try again in a few minutes.',
    });
    await user.click(within(section).getByRole('button', { name: 'Turn on sharing' }));
    expect((await within(section).findByRole('alert')).textContent).toBe(
      'The server had a problem. Try again in a few minutes.',
    );
  });

  it('says "Turning on sharing…" and takes no second click while the server is asked', async () => {
    let answer: (o: SaveOutcome) => void = () => undefined;
    controller.setUpSharing.mockReturnValue(new Promise((r) => (answer = r)));
    render(<Sharing db={db} />);
    const section = screen.getByRole('region', { name: 'Sharing between computers' });
    const user = await fillForm(section);
    await user.click(within(section).getByRole('button', { name: 'Turn on sharing' }));
    const busy = within(section).getByRole('button', { name: 'Turning on sharing…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    await act(() => {
      answer({ ok: false, fieldErrors: {}, problem: null, message: 'No.' });
      return Promise.resolve();
    });
    expect(controller.setUpSharing).toHaveBeenCalledTimes(1);
  });
});

describe('Town › Sharing, on', () => {
  beforeEach(() => {
    useSync.setState({
      state: { kind: 'synced', lastSyncedAt: new Date(Date.now() - 2 * 60_000).toISOString() },
      settings: SETTINGS,
      note: null,
    });
  });

  it('shows where sharing stands and where it goes, and runs Sync now and Pause', async () => {
    render(<Sharing db={db} />);
    const section = screen.getByRole('region', { name: 'Sharing between computers' });
    expect(within(section).getByRole('status').textContent).toBe('Last synced 2 minutes ago.');
    expect(section.textContent).toContain('https://sync.example.org');
    expect(section.textContent).toContain('maple-hollow');
    const user = userEvent.setup();
    await user.click(within(section).getByRole('button', { name: 'Sync now' }));
    expect(controller.syncNow).toHaveBeenCalledTimes(1);
    await user.click(within(section).getByRole('button', { name: 'Pause' }));
    expect(controller.pauseSharing).toHaveBeenCalledTimes(1);
    act(() => useSync.setState({ state: { kind: 'paused', lastSyncedAt: null } }));
    await user.click(within(section).getByRole('button', { name: 'Resume' }));
    expect(controller.resumeSharing).toHaveBeenCalledTimes(1);
  });

  it('keeps "2 minutes ago" true as time passes', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    render(<Sharing db={db} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Last synced 2 minutes ago.');
    act(() => {
      vi.advanceTimersByTime(60_000 + SENTENCE_REFRESH_MS);
    });
    expect(status.textContent).toMatch(/^Last synced [34] minutes ago\.$/);
  });

  it('shows the first pull’s progress in words and as a bar', () => {
    useSync.setState({
      state: { kind: 'syncing', lastSyncedAt: null, progress: { done: 4000, total: 21391 } },
    });
    render(<Sharing db={db} />);
    expect(screen.getByRole('status').textContent).toBe('Syncing… 4,000 of 21,391 records.');
    const bar = screen.getByRole('progressbar', { name: 'Records received' });
    expect(bar.getAttribute('value')).toBe('4000');
    expect(bar.getAttribute('max')).toBe('21391');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Syncing…' }).disabled).toBe(true);
  });

  it('stops sharing only after the clerk confirms', async () => {
    render(<Sharing db={db} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Stop sharing on this computer…' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop sharing on this computer?' });
    expect(dialog.textContent).toContain('The records stay here');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(controller.stopSharing).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Stop sharing on this computer…' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Stop sharing on this computer?' })).getByRole('button', {
        name: 'Stop sharing',
      }),
    );
    expect(controller.stopSharing).toHaveBeenCalledTimes(1);
  });

  it('asks for the password again when the server refused it', async () => {
    useSync.setState({
      state: { kind: 'problem', problem: 'password', detail: null, lastSyncedAt: null },
    });
    controller.setUpSharing.mockResolvedValue({ ok: true, settings: SETTINGS, note: null });
    render(<Sharing db={db} />);
    expect(screen.getByRole('status').textContent).toContain('The server refused the user name or password.');
    expect(screen.getByRole('heading', { name: 'Type the password again' })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: /^Database/ }).value).toBe('maple-hollow');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Password/), 'new-pw');
    await user.click(screen.getByRole('button', { name: 'Save and sync' }));
    await waitFor(() => expect(controller.setUpSharing).toHaveBeenCalledTimes(1));
    expect(controller.setUpSharing.mock.calls[0]![0]).toMatchObject({
      database: 'maple-hollow',
      password: 'new-pw',
    });
  });
});

const conflict = (over: Partial<ConflictRow> = {}): ConflictRow => ({
  id: 'person:p1',
  type: 'person',
  source: 'sync',
  winner: { rev: '2-b', data: { id: 'p1', name: 'Ruth Alvarez', email: 'ruth@town.gov' } },
  others: [{ rev: '2-a', data: { id: 'p1', name: 'Ruth Alvarez', email: 'r.alvarez@town.gov' } }],
  detectedAt: '2026-11-30T14:05:00.000Z',
  ...over,
});

describe('the Conflicts list', () => {
  beforeEach(() =>
    useSync.setState({
      state: { kind: 'synced', lastSyncedAt: new Date().toISOString() },
      settings: SETTINGS,
    }),
  );

  it('says "No conflicts." when there are none', async () => {
    render(<Sharing db={db} />);
    expect(await screen.findByText('No conflicts.')).toBeTruthy();
  });

  it('shows both versions side by side and keeps the one chosen', async () => {
    const row = conflict();
    await saveConflicts(db, [row], []);
    render(<Sharing db={db} />);
    const entry = await screen.findByRole('article', { name: 'Person: Ruth Alvarez' });
    const line = within(entry).getByRole('row', { name: /^Email/ });
    expect(
      within(line)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['ruth@town.gov', 'r.alvarez@town.gov']);
    await userEvent.click(within(entry).getByRole('button', { name: /^Keep this version: other version/ }));
    expect(controller.keepVersion).toHaveBeenCalledWith(row, row.others[0], db);
  });

  it('shows a merged backup’s conflicts the same way, even with sharing off', async () => {
    useSync.setState({ state: { kind: 'off' }, settings: null });
    await saveConflicts(
      db,
      [
        conflict({
          source: 'merge',
          winner: { data: { id: 'p1', name: 'Ruth Alvarez' } },
          others: [{ data: null }],
        }),
      ],
      [],
    );
    render(<Sharing db={db} />);
    const entry = await screen.findByRole('article', { name: 'Person: Ruth Alvarez' });
    expect(entry.textContent).toContain('from a merged backup');
    expect(within(entry).getByRole('row', { name: /^Record/ }).textContent).toContain('(deleted)');
  });
});

describe('the rail’s sharing indicator', () => {
  it('is absent with sharing off, and names the whole sentence when on', () => {
    const onOpen = vi.fn();
    const { rerender } = render(<RailSharingStatus onOpen={onOpen} />);
    expect(screen.queryByRole('button')).toBeNull();
    act(() => useSync.setState({ state: { kind: 'offline', lastSyncedAt: null }, settings: SETTINGS }));
    rerender(<RailSharingStatus onOpen={onOpen} />);
    const button = screen.getByRole('button', {
      name: /^Sharing: Offline ?— Offline — your changes will be sent later\./,
    });
    expect(button.getAttribute('title')).toBe('Offline — your changes will be sent later.');
    button.click();
    expect(onOpen).toHaveBeenCalledTimes(1);
    act(() =>
      useSync.setState({
        state: { kind: 'problem', problem: 'otherTown', detail: null, lastSyncedAt: null },
      }),
    );
    expect(
      screen.getByRole('button', { name: /^Sharing: Problem ?— This database holds another town’s records/ }),
    ).toBeTruthy();
  });
});

describe('Join a shared town (first run)', () => {
  it('joins with what was typed and opens the town', async () => {
    controller.joinSharedTown.mockResolvedValue({ ok: true, settings: SETTINGS, note: null });
    render(<FirstRun db={db} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Join a shared town…' }));
    const dialog = screen.getByRole('dialog', { name: 'Join a shared town' });
    await fillForm(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Join this town' }));
    await waitFor(() => expect(controller.joinSharedTown).toHaveBeenCalledTimes(1));
    expect(controller.joinSharedTown.mock.calls[0]![0]).toMatchObject({
      database: 'maple-hollow',
      username: 'clerk',
    });
    await waitFor(() => expect(useUi.getState().screen).toBe('town'));
  });

  it('shows the first pull’s progress while it runs, and a refusal in plain words', async () => {
    let answer: (o: SaveOutcome) => void = () => undefined;
    controller.joinSharedTown.mockReturnValue(new Promise((r) => (answer = r)));
    render(<FirstRun db={db} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Join a shared town…' }));
    const dialog = screen.getByRole('dialog', { name: 'Join a shared town' });
    await fillForm(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Join this town' }));
    act(() =>
      useSync.setState({
        state: { kind: 'syncing', lastSyncedAt: null, progress: { done: 4000, total: 21391 } },
      }),
    );
    expect(within(dialog).getByRole('status').textContent).toContain('Syncing… 4,000 of 21,391 records.');
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Cancel' }).disabled).toBe(true);
    act(() => useSync.setState({ state: { kind: 'off' } }));
    await act(() =>
      Promise.resolve().then(() =>
        answer({
          ok: false,
          fieldErrors: {},
          problem: null,
          message:
            'This database holds no town yet. Create the town on one computer and turn sharing on there first.',
        }),
      ),
    );
    expect(within(dialog).getByRole('alert').textContent).toContain('This database holds no town yet.');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Welcome');
    expect(within(dialog).getByRole('button', { name: 'Join this town' })).toBeTruthy();
  });
});
