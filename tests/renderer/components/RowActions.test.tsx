// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActionsHeader, RowActions } from '../../../renderer/src/components/RowActions';

afterEach(cleanup);

describe('RowActions', () => {
  it('names the row in each button for screen readers and calls the matching action', async () => {
    const onEdit = vi.fn();
    const onDelete = vi.fn();
    render(
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Ann Lee</th>
            <RowActions name="Ann Lee" onEdit={onEdit} onDelete={onDelete} />
          </tr>
        </tbody>
      </table>,
    );
    expect(screen.getByRole('columnheader', { name: 'Actions' })).toBeTruthy();
    // jsdom's name computation drops the space a browser keeps, so the words are checked as text.
    const edit = screen.getByRole('button', { name: /^Edit/ });
    const del = screen.getByRole('button', { name: /^Delete/ });
    expect(edit.textContent).toBe('Edit Ann Lee');
    expect(del.textContent).toBe('Delete Ann Lee');
    await userEvent.click(edit);
    expect(onEdit).toHaveBeenCalledTimes(1);
    expect(onDelete).not.toHaveBeenCalled();
    await userEvent.click(del);
    expect(onDelete).toHaveBeenCalledTimes(1);
  });
});
