import { describe, expect, it, vi } from 'vitest';
import { createQuitBackup, QUIT_BACKUP_TIMEOUT_MS } from '../../../electron/main/quit';

describe('createQuitBackup()', () => {
  it('asks the renderer once and lets the quit go on when the backup was handled', async () => {
    const request = vi.fn(() => true);
    const q = createQuitBackup({ request });
    const first = q.run();
    const second = q.run();
    expect(request).toHaveBeenCalledOnce();
    expect(q.done).toBe(false);
    q.settle();
    await Promise.all([first, second]);
    expect(q.done).toBe(true);
    await q.run();
    expect(request).toHaveBeenCalledOnce();
  });

  it('gives up after the timeout so a hung renderer never keeps the app open', async () => {
    vi.useFakeTimers();
    try {
      const q = createQuitBackup({ request: () => true });
      const running = q.run();
      vi.advanceTimersByTime(QUIT_BACKUP_TIMEOUT_MS - 1);
      expect(q.done).toBe(false);
      vi.advanceTimersByTime(1);
      await running;
      expect(q.done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not wait when there is no renderer to ask', async () => {
    const q = createQuitBackup({ request: () => false, timeoutMs: 60_000 });
    await q.run();
    expect(q.done).toBe(true);
  });

  it('does not wait when asking the renderer throws', async () => {
    const q = createQuitBackup({
      request: () => {
        throw new Error('render process gone');
      },
      timeoutMs: 60_000,
    });
    await q.run();
    expect(q.done).toBe(true);
  });

  it('ignores a settle that comes before the quit started', () => {
    const q = createQuitBackup({ request: () => true });
    q.settle();
    expect(q.done).toBe(false);
  });

  it('waits without the timeout while the renderer asks the clerk, then quits on Discard', async () => {
    vi.useFakeTimers();
    try {
      const request = vi.fn(() => true);
      const q = createQuitBackup({ request });
      const running = q.run();
      q.hold();
      vi.advanceTimersByTime(QUIT_BACKUP_TIMEOUT_MS * 10);
      expect(q.done).toBe(false);
      q.settle();
      await expect(running).resolves.toBe(true);
      expect(q.done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stays open when the clerk keeps editing, and asks again on the next close', async () => {
    const request = vi.fn(() => true);
    const q = createQuitBackup({ request });
    const first = q.run();
    q.hold();
    q.cancel();
    await expect(first).resolves.toBe(false);
    expect(q.done).toBe(false);
    const second = q.run();
    expect(request).toHaveBeenCalledTimes(2);
    q.settle();
    await expect(second).resolves.toBe(true);
  });
});
