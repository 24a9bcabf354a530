import { beforeEach, describe, expect, it } from 'vitest';
import { initialUiState, useUi } from '../../../renderer/src/store/ui';

beforeEach(() => useUi.setState(initialUiState()));

describe('useUi navigate()', () => {
  it('shows the screen and keeps the record to focus for it', () => {
    useUi.getState().navigate({ screen: 'people', recordId: 'p1', field: 'title' });
    const s = useUi.getState();
    expect(s.screen).toBe('people');
    expect(s.focus).toMatchObject({ screen: 'people', recordId: 'p1', field: 'title' });
  });

  it('closes any open dialog and sets no focus target for a plain screen change', () => {
    useUi.getState().openDialog({ kind: 'person' });
    useUi.getState().navigate({ screen: 'partners' });
    expect(useUi.getState().dialog).toBeNull();
    expect(useUi.getState().focus).toBeNull();
  });
});

describe('useUi notify()', () => {
  it('queues messages and keeps at most three', () => {
    for (let i = 1; i <= 5; i++) useUi.getState().notify({ kind: 'info', text: `m${i}` });
    expect(useUi.getState().toasts.map((t) => t.text)).toEqual(['m3', 'm4', 'm5']);
  });

  it('drops plain messages on navigation but keeps errors and Undo offers', () => {
    const ui = useUi.getState();
    ui.notify({ kind: 'success', text: 'Saved.' });
    ui.notify({ kind: 'error', text: 'Failed.' });
    ui.notify({ kind: 'success', text: 'Deleted.', undo: () => undefined });
    ui.navigate({ screen: 'people' });
    expect(useUi.getState().toasts.map((t) => t.text)).toEqual(['Failed.', 'Deleted.']);
  });

  it('dismisses one message by id', () => {
    const id = useUi.getState().notify({ kind: 'info', text: 'a' });
    useUi.getState().notify({ kind: 'info', text: 'b' });
    useUi.getState().dismissToast(id);
    expect(useUi.getState().toasts.map((t) => t.text)).toEqual(['b']);
  });
});

describe('useUi one-shot requests', () => {
  it('hands a packet request out exactly once and shows Eligibility', () => {
    useUi.getState().requestPacket();
    expect(useUi.getState().screen).toBe('eligibility');
    expect(useUi.getState().takePacketRequest()).toBe(true);
    expect(useUi.getState().takePacketRequest()).toBe(false);
  });

  it('sends a CSV import request to the People screen', () => {
    useUi.getState().requestCsvImport();
    expect(useUi.getState().screen).toBe('people');
    expect(useUi.getState().takeCsvImportRequest()).toBe(true);
  });
});
