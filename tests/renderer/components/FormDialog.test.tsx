// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormDialog } from '../../../renderer/src/components/FormDialog';

afterEach(cleanup);

function show(props: { saving?: boolean; summary?: string | null } = {}) {
  const onSave = vi.fn();
  const onClose = vi.fn();
  const bodyRef = createRef<HTMLDivElement>();
  render(
    <FormDialog
      title="Add a partner"
      onClose={onClose}
      onSave={onSave}
      saving={props.saving ?? false}
      saveLabel="Save partner"
      summary={props.summary ?? null}
      bodyRef={bodyRef}
    >
      <input aria-label="Name" />
    </FormDialog>,
  );
  return { onSave, onClose, bodyRef };
}

describe('FormDialog', () => {
  it('saves on its Save button and on Enter in a field, and closes on Cancel without saving', async () => {
    const { onSave, onClose } = show();
    expect(screen.getByRole('dialog', { name: 'Add a partner' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Save partner' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'Cedar Falls{Enter}');
    expect(onSave).toHaveBeenCalledTimes(2);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('disables Save while a save is under way', () => {
    show({ saving: true });
    expect(screen.getByRole('button', { name: 'Save partner' }).hasAttribute('disabled')).toBe(true);
  });

  it('announces what to fix as an alert after a refused save, and shows no alert before', () => {
    show();
    expect(screen.queryByRole('alert')).toBeNull();
    cleanup();
    show({ summary: 'Fix 1 problem before saving.' });
    expect(screen.getByRole('alert').textContent).toBe('Fix 1 problem before saving.');
  });

  it('hands the caller the element that holds the fields, for focusing one of them', () => {
    const { bodyRef } = show();
    expect(bodyRef.current?.contains(screen.getByRole('textbox', { name: 'Name' }))).toBe(true);
  });
});
