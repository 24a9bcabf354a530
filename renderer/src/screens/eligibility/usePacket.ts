/**
 * "Create packet": renders the evidence packet from the data and evaluation the
 * screen shows, then saves it (a save dialog in the app, a download in a browser),
 * telling the user the outcome in a toast. Also answers the menu's
 * "Create packet…" (the store's one-shot `packetRequested`).
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

export interface PacketAction {
  /** True from the click until the file is saved, the dialog closed, or it failed. */
  busy: boolean;
  create: () => Promise<void>;
}

export function usePacket(data: TownData, evaluation: Evaluation): PacketAction {
  const [busy, setBusy] = useState(false);
  // A ref as well as state: a second click (or a menu request) in the same tick must not start a second packet.
  const running = useRef(false);

  const create = useCallback(async () => {
    if (running.current) {
      notify({ kind: 'info', text: 'The packet is already being created. It will be ready in a moment.' });
      return;
    }
    running.current = true;
    setBusy(true);
    try {
      const meta = { generatedOn: today(), appVersion: await appVersion() };
      const bytes = await createPacketPdf(data, evaluation, meta);
      const result = await savePdf(packetFileName(data.town.name, evaluation.certificationYear), bytes);
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
          break;
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
  }, [data, evaluation]);

  // The menu's "Create packet…" may arrive before this screen mounted or while it shows; take it exactly once.
  const wanted = useUi((s) => s.packetRequested);
  const onRequest = useEffectEvent(() => {
    void create();
  });
  useEffect(() => {
    if (wanted && useUi.getState().takePacketRequest()) onRequest();
  }, [wanted]);

  return { busy, create };
}
