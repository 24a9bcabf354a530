// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DateField } from '../../../renderer/src/components/DateField';
import { CheckboxField, TextField } from '../../../renderer/src/components/Field';

afterEach(cleanup);

describe('TextField', () => {
  it('ties the hint and the error to the input and marks it invalid', () => {
    render(
      <TextField
        label="Name"
        hint="As printed"
        error="Name is required"
        value=""
        onChange={() => undefined}
      />,
    );
    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['As printed', 'Name is required']);
  });

  it('is not marked invalid without an error', () => {
    render(<TextField label="Name" value="" onChange={() => undefined} />);
    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });

  it('says (optional) when required is false', () => {
    render(<TextField label="Email" required={false} value="" onChange={() => undefined} />);
    const input = screen.getByRole('textbox', { name: /^Email/ });
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Email (optional)');
  });
});

describe('DateField', () => {
  it('gives the ISO date string and null when cleared', async () => {
    const seen: (string | null)[] = [];
    function Harness() {
      const [v, setV] = useState<string | null>('2024-01-05');
      return (
        <DateField
          label="Start date"
          value={v}
          onChange={(x) => {
            seen.push(x);
            setV(x);
          }}
        />
      );
    }
    render(<Harness />);
    const input = screen.getByLabelText('Start date');
    expect((input as HTMLInputElement).type).toBe('date');
    expect((input as HTMLInputElement).value).toBe('2024-01-05');
    await userEvent.clear(input);
    expect(seen.at(-1)).toBeNull();
    await userEvent.type(input, '2024-03-09');
    expect(seen.at(-1)).toBe('2024-03-09');
  });
});

describe('CheckboxField', () => {
  it('toggles when its label is clicked', async () => {
    function Harness() {
      const [v, setV] = useState(false);
      return <CheckboxField label="Lives in town" checked={v} onChange={setV} />;
    }
    render(<Harness />);
    await userEvent.click(screen.getByText('Lives in town'));
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Lives in town' }).checked).toBe(true);
  });
});
