/**
 * A modal dialog on the native `<dialog>` element.
 *
 * `showModal()` gives us, for free: the focus trap, the inert page behind, the
 * backdrop, and Escape to close (we turn the native `cancel` event into
 * `onClose`, so React state stays the one source of truth). The title labels
 * the dialog; focus starts on the first `[data-autofocus]` element, else the
 * first form control, and returns to where it was when the dialog closes.
 */
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  title: ReactNode;
  /** One sentence under the title (announced as the dialog's description). */
  description?: ReactNode;
  /** Called on Escape, on Cancel buttons the caller wires, and after `onSubmit` if the caller wants. */
  onClose: () => void;
  /** When given, the body and footer are one `<form>`: Enter in a field submits (no page navigation). */
  onSubmit?: () => void;
  /** Buttons at the bottom (e.g. Cancel + Save). Put them in `<div className="form-actions">`. */
  footer?: ReactNode;
  /** Wider dialog for tables or two-column forms. */
  wide?: boolean;
  className?: string;
  children?: ReactNode;
}

export function Dialog({
  open,
  title,
  description,
  onClose,
  onSubmit,
  footer,
  wide,
  className,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();

  useEffect(() => {
    const el = ref.current;
    if (!el || !open) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom (component tests) has no showModal; the open attribute is enough there.
    if (typeof el.showModal === 'function') {
      if (!el.open) el.showModal();
    } else {
      el.setAttribute('open', '');
    }
    const first = el.querySelector<HTMLElement>(
      '[data-autofocus], .dialog-body input:not([type=hidden]), .dialog-body select, .dialog-body textarea',
    );
    first?.focus();
    return () => {
      if (typeof el.close === 'function' && el.open) el.close();
      else el.removeAttribute('open');
      if (returnTo && document.contains(returnTo)) returnTo.focus();
    };
  }, [open]);

  if (!open) return null;

  const inner = (
    <>
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        {description ? (
          <p className="muted" id={descId}>
            {description}
          </p>
        ) : null}
      </div>
      <div className="dialog-body">{children}</div>
      {footer ? <div className="dialog-foot">{footer}</div> : null}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={['dialog', wide ? 'dialog-wide' : null, className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={(e) => {
        // Escape: let React decide (the parent closes by changing `open`).
        e.preventDefault();
        onClose();
      }}
    >
      {onSubmit ? (
        <form
          className="dialog-inner"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            onSubmit();
            // A refused save: take the keyboard to the first field with a message.
            window.requestAnimationFrame(() =>
              form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
            );
          }}
        >
          {inner}
        </form>
      ) : (
        <div className="dialog-inner">{inner}</div>
      )}
    </dialog>
  );
}
