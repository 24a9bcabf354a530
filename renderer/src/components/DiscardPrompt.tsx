/**
 * "Discard your changes?": asked by `confirmDiscard()` / `askDiscard()` (UI store) before
 * the clerk leaves a screen, presses Escape in a dialog or closes the window while a form
 * has unsaved changes. Mounted once by the App shell; focus starts on "Keep editing", so
 * a stray Enter or Escape keeps the work.
 */
import { useUi } from '../store/ui';
import { ConfirmDialog } from './ConfirmDialog';

export function DiscardPrompt() {
  const prompt = useUi((s) => s.discardPrompt);
  return (
    <ConfirmDialog
      open={prompt !== null}
      title="Discard your changes?"
      message={
        <p>
          You changed something and have not saved it yet. Keep editing to go back and save it, or discard the
          changes.
        </p>
      }
      cancelLabel="Keep editing"
      confirmLabel="Discard changes"
      onCancel={() => prompt?.answer(false)}
      onConfirm={() => prompt?.answer(true)}
    />
  );
}
