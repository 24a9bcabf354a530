// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
});
