/**
 * The app's messages ("Saved", "Ann Lee deleted. Undo"), in one polite live region
 * that is always in the page, so screen readers announce each new message.
 *
 * Messages close themselves after a while (longer when they offer Undo), except
 * errors, which stay until dismissed; a message does not close while the pointer
 * or the keyboard focus is on it.
 */
import { useEffect, useState } from 'react';
import { useUi } from '../store/ui';
import type { Toast } from '../store/ui';

const LIFETIME_MS = { plain: 6000, undo: 20000 } as const;

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useUi((s) => s.dismissToast);
  const notify = useUi((s) => s.notify);
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (toast.kind === 'error' || held) return;
    const timer = window.setTimeout(
      () => dismiss(toast.id),
      toast.undo ? LIFETIME_MS.undo : LIFETIME_MS.plain,
    );
    return () => window.clearTimeout(timer);
  }, [toast, held, dismiss]);

  return (
    <div
      className={`toast toast-${toast.kind}`}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span className="toast-text">
        {toast.kind === 'error' ? <span className="visually-hidden">Error: </span> : null}
        {toast.text}
      </span>
      {toast.undo ? (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            const undo = toast.undo;
            dismiss(toast.id);
            Promise.resolve(undo?.()).then(
              () => notify({ kind: 'success', text: 'Undone.' }),
              (e: unknown) =>
                notify({
                  kind: 'error',
                  text: `Could not undo: ${e instanceof Error ? e.message : String(e)}`,
                }),
            );
          }}
        >
          Undo
        </button>
      ) : null}
      <button type="button" className="btn btn-small toast-dismiss" onClick={() => dismiss(toast.id)}>
        Dismiss<span className="visually-hidden"> message</span>
      </button>
    </div>
  );
}

/** `newestFirst`: the newest message on top, as the app's rail shows them (in view however many). */
export function Toasts({ newestFirst = false }: { newestFirst?: boolean }) {
  const toasts = useUi((s) => s.toasts);
  const shown = newestFirst ? [...toasts].reverse() : toasts;
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Messages">
      {shown.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}
