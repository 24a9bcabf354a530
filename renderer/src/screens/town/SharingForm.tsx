/**
 * The four boxes that connect this computer to a town's database on a server (Town ›
 * Sharing, and the first run's Join a shared town): what the clerk types goes to the
 * controller as it is; the controller and its vault check it and answer in plain words,
 * each problem next to its box.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { SharingSettings } from '../../../../shared/sync/settings';
import type { SaveOutcome, SharingField, SharingInput } from '../../../sync/vault';
import { CheckboxField, TextField } from '../../components/Field';
import { isDesktop } from '../../platform';

export interface SharingFormProps {
  /** The button's words, and its words while the server is asked ("Turn on sharing", "Turning on…"). */
  submitLabel: string;
  busyLabel: string;
  /** Filled in when the clerk comes back to type the password again. */
  initial?: SharingSettings | null;
  onSubmit: (input: SharingInput) => Promise<SaveOutcome>;
  /** Called after the controller said yes. */
  onDone?: () => void;
  /** Shown above the button while busy (the first pull's progress). */
  busyInfo?: ReactNode;
  /** An extra button beside the submit (e.g. Cancel). */
  extra?: ReactNode;
  /** Prefix for the boxes' names, so two forms on one page never share them. */
  idPrefix: string;
}

export function SharingForm({
  submitLabel,
  busyLabel,
  initial,
  onSubmit,
  onDone,
  busyInfo,
  extra,
  idPrefix,
}: SharingFormProps) {
  const [serverUrl, setServerUrl] = useState(initial?.serverUrl ?? '');
  const [database, setDatabase] = useState(initial?.database ?? '');
  const [username, setUsername] = useState(initial?.username ?? '');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<SharingField, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const desktop = isDesktop();

  const submit = async () => {
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      const outcome = await onSubmit({
        serverUrl: serverUrl.trim(),
        database: database.trim(),
        username,
        password,
        remember,
      });
      if (outcome.ok) {
        setPassword('');
        onDone?.();
        return;
      }
      setErrors(outcome.fieldErrors);
      // The message repeats a box's error only when no box shows it.
      const shownByField = Object.values(outcome.fieldErrors).includes(outcome.message);
      setMessage(shownByField ? null : outcome.message);
    } catch (e) {
      setMessage(`Sharing could not be set up: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const edited = (set: (v: string) => void, field: SharingField) => (v: string) => {
    set(v);
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  return (
    <form
      className="stack sharing-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
    >
      <TextField
        label="Server address"
        name={`${idPrefix}-serverUrl`}
        hint="The address your town’s IT or the council of governments gave you, for example https://sync.example.org."
        type="url"
        autoComplete="url"
        spellCheck={false}
        value={serverUrl}
        onChange={edited(setServerUrl, 'serverUrl')}
        error={errors.serverUrl}
        required
      />
      <TextField
        label="Database"
        name={`${idPrefix}-database`}
        hint="The name of your town’s database on that server, for example maple-hollow."
        autoComplete="off"
        spellCheck={false}
        value={database}
        onChange={edited(setDatabase, 'database')}
        error={errors.database}
        required
      />
      <TextField
        label="User name"
        name={`${idPrefix}-username`}
        autoComplete="username"
        spellCheck={false}
        value={username}
        onChange={edited(setUsername, 'username')}
        error={errors.username}
        required
      />
      <TextField
        label="Password"
        name={`${idPrefix}-password`}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={edited(setPassword, 'password')}
        error={errors.password}
        required
      />
      {desktop ? (
        <p className="hint">The password is stored encrypted on this computer, never in a backup.</p>
      ) : (
        <CheckboxField
          label="Remember the password in this browser"
          hint="Otherwise it is kept until you close this tab, and you type it again next time."
          checked={remember}
          onChange={setRemember}
        />
      )}
      {message ? (
        <p className="notice notice-error" role="alert">
          {message}
        </p>
      ) : null}
      {busy && busyInfo ? busyInfo : null}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {extra}
      </div>
    </form>
  );
}
