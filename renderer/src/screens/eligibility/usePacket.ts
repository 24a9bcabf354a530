/**
 * "Create packet": renders the submission packet (optionally with the town's check
 * as an appendix) from the data and evaluation the screen shows, then saves it (a
 * save dialog in the app, a download in a browser), telling the user the outcome
 * in a toast. The menu's "Create packet…" (the store's one-shot `packetRequested`)
 * opens the Create packet dialog.
 */
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { TownData } from '../../../../shared/domain/schema';
import type { Evaluation } from '../../../../shared/rules/evaluation';
import { today } from '../../lib/today';
import { createPacketPdf } from '../../packet';
import { appVersion, savePdf } from '../../platform';
import { notify, useUi } from '../../store/ui';
import { packetFileName, plural } from './format';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A packet just saved: its exact bytes and what it was made from, for "Mark as submitted". */
const PACKET_DIALOG = 'createPacket';

export interface CreatedPacket {
  bytes: Uint8Array;
  fileName: string;
  appendix: boolean;
  data: TownData;
  evaluation: Evaluation;
}

export interface PacketAction {
  /** True from the click until the file is saved, the dialog closed, or it failed. */
  busy: boolean;
  /** Renders and saves; the saved packet, or null when it was not saved. */
  create: (options?: { appendix?: boolean }) => Promise<CreatedPacket | null>;
  /** The Create packet dialog (opened by the button or the menu). */
  dialogOpen: boolean;
  setDialogOpen: (open: boolean) => void;
}

export function usePacket(data: TownData, evaluation: Evaluation): PacketAction {
  // The dialog's open state is UI state, so it lives in the store like every other open dialog.
  const dialogOpen = useUi((s) => s.dialog?.kind === PACKET_DIALOG);
  const setDialogOpen = useCallback((open: boolean) => {
    const ui = useUi.getState();
    if (open) ui.openDialog({ kind: PACKET_DIALOG });
    else if (ui.dialog?.kind === PACKET_DIALOG) ui.closeDialog();
  }, []);
  const [busy, setBusy] = useState(false);
  // A ref as well as state: a second click (or a menu request) in the same tick must not start a second packet.
  const running = useRef(false);

  const create = useCallback(
    async (options: { appendix?: boolean } = {}): Promise<CreatedPacket | null> => {
      if (running.current) {
        notify({ kind: 'info', text: 'The packet is already being created. It will be ready in a moment.' });
        return null;
      }
      running.current = true;
      setBusy(true);
      try {
        const appendix = options.appendix === true;
        const meta = { generatedOn: today(), appVersion: await appVersion() };
        const bytes = await createPacketPdf(data, evaluation, meta, { appendix });
        const name = packetFileName(data.town.name, evaluation.certificationYear, appendix);
        const result = await savePdf(name, bytes);
        switch (result.status) {
          case 'saved': {
            const gaps = evaluation.gaps.length;
            notify({
              kind: 'success',
              text:
                `Packet saved as ${result.fileName}.` +
                (gaps > 0
                  ? ` It prints ${plural(gaps, 'missing item')} as gaps to fill before you submit.`
                  : ''),
            });
            return { bytes, fileName: result.fileName, appendix, data, evaluation };
          }
          case 'canceled':
            notify({ kind: 'info', text: 'The packet was not saved: the save dialog was closed.' });
            break;
          case 'error':
            notify({ kind: 'error', text: `The packet could not be saved: ${result.message}` });
            break;
        }
      } catch (e) {
        notify({
          kind: 'error',
          text: `The packet could not be created: ${message(e)}. Your records are unchanged; please try again.`,
        });
      } finally {
        running.current = false;
        setBusy(false);
      }
      return null;
    },
    [data, evaluation],
  );

  // The menu's "Create packet…" may arrive before this screen mounted or while it shows; take it exactly once.
  const wanted = useUi((s) => s.packetRequested);
  const onRequest = useEffectEvent(() => {
    setDialogOpen(true);
  });
  useEffect(() => {
    if (wanted && useUi.getState().takePacketRequest()) onRequest();
  }, [wanted]);

  return { busy, create, dialogOpen, setDialogOpen };
}
