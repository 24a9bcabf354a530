// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NewerDatabaseError } from '../../../renderer/db/schema';
import { ErrorBoundary } from '../../../renderer/src/components/ErrorBoundary';

afterEach(cleanup);

function Broken(): never {
  throw new Error('boom');
}

describe('ErrorBoundary', () => {
  it('keeps a crashing screen from blanking the app and clears when the screen changes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { rerender } = render(
      <ErrorBoundary resetKey="people">
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong on this screen');
    expect(screen.getByRole('alert').textContent).toContain('boom');
    rerender(
      <ErrorBoundary resetKey="town">
        <p>Town screen</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('Town screen')).toBeTruthy();
  });

  it('shows the plain refusal of a newer release’s records, even wrapped by Dexie', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const wrapped = Object.assign(new Error('OpenFailedError'), { inner: new NewerDatabaseError(5, 4) });
    function Refused(): never {
      throw wrapped;
    }
    render(
      <ErrorBoundary resetKey="app" whole>
        <Refused />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert').textContent;
    expect(alert).toContain('These records were last opened by a newer version of Equity Training Ledger.');
    expect(alert).not.toContain('could not start');
  });
});
