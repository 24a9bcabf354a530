// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SectionForm } from '../../../renderer/src/components/SectionForm';

afterEach(cleanup);

function show(props: { changed: boolean; saving?: boolean; summary?: string }) {
  const onSave = vi.fn();
  render(
    <SectionForm
      onSave={onSave}
      saving={props.saving ?? false}
      saveLabel="Save town details"
      changed={props.changed}
      summary={props.summary}
    >
      <input aria-label="Town name" />
    </SectionForm>,
  );
  return onSave;
}

describe('SectionForm', () => {
  it('saves on Enter in a field and on its Save button', async () => {
    const onSave = show({ changed: false });
    await userEvent.type(screen.getByRole('textbox', { name: 'Town name' }), 'Harbor Falls{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Save town details' }));
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('says there are unsaved changes only when the draft differs from what is stored', () => {
    show({ changed: false });
    expect(screen.queryByText('You have unsaved changes.')).toBeNull();
    cleanup();
    show({ changed: true });
    expect(screen.getByText('You have unsaved changes.')).toBeTruthy();
  });

  it('disables Save while saving and announces what to fix as an alert', () => {
    show({ changed: true, saving: true, summary: 'Fix 2 problems before saving.' });
    expect(screen.getByRole('button', { name: 'Save town details' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('alert').textContent).toBe('Fix 2 problems before saving.');
  });
});
