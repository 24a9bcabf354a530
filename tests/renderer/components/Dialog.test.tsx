// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../../../renderer/src/components/ConfirmDialog';
import { Dialog } from '../../../renderer/src/components/Dialog';

afterEach(cleanup);

describe('Dialog', () => {
  it('is a dialog labelled by its title', () => {
    render(
      <Dialog open title="Add a person" onClose={() => undefined}>
        <p>body</p>
      </Dialog>,
    );
    expect(screen.getByRole('dialog', { name: 'Add a person' })).toBeTruthy();
  });

  it('renders nothing while closed', () => {
    render(
      <Dialog open={false} title="Hidden" onClose={() => undefined}>
        <p>body</p>
      </Dialog>,
    );
    expect(screen.queryByText('body')).toBeNull();
  });

  it('turns Escape (the native cancel event) into onClose and keeps itself open', () => {
    const onClose = vi.fn();
    render(
      <Dialog open title="Add a person" onClose={onClose}>
        <p>body</p>
      </Dialog>,
    );
    const dialog = screen.getByRole('dialog');
    const cancel = new Event('cancel', { cancelable: true });
    fireEvent(dialog, cancel);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(cancel.defaultPrevented).toBe(true);
  });

  it('submits its form on Enter without navigating', async () => {
    const onSubmit = vi.fn();
    render(
      <Dialog
        open
        title="Add"
        onClose={() => undefined}
        onSubmit={onSubmit}
        footer={<button type="submit">Save</button>}
      >
        <input aria-label="Name" />
      </Dialog>,
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'Ann{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('focuses the first field when it opens', () => {
    render(
      <Dialog open title="Add" onClose={() => undefined}>
        <input aria-label="Name" />
      </Dialog>,
    );
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
  });
});

describe('ConfirmDialog', () => {
  it('starts on Cancel so a stray Enter deletes nothing, and confirms on its button', async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(
      <ConfirmDialog
        open
        title="Delete Ann Lee?"
        message="Ann Lee is used by 3 attendance records."
        confirmLabel="Delete person"
        onConfirm={onConfirm}
        onCancel={onCancel}
      />,
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete person' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
  });
});
