/**
 * Where sharing stands, as the screens show it: the sentence from shared/sync/status.ts
 * (kept true as time passes: "2 minutes ago" becomes "3 minutes ago"), and the short word
 * the navigation rail shows next to it. No sync logic here: it only reads the controller.
 */
import { useEffect, useState } from 'react';
import { describeSyncState } from '../../../../shared/sync/status';
import type { SyncState } from '../../../../shared/sync/status';
import { useSync } from '../../../sync/controller';
import { useUi } from '../../store/ui';

/** How often the sentence is rewritten, so "Last synced 2 minutes ago" stays true on an open screen. */
export const SENTENCE_REFRESH_MS = 30_000;

/** The status sentence for the current state, rewritten every 30 seconds. */
export function useSyncSentence(): { state: SyncState; sentence: string } {
  const state = useSync((s) => s.state);
  const [clock, setClock] = useState(() => ({ state, now: new Date() }));
  useEffect(() => {
    const timer = window.setInterval(
      () => setClock((c) => ({ state: c.state, now: new Date() })),
      SENTENCE_REFRESH_MS,
    );
    return () => window.clearInterval(timer);
  }, []);
  // A new state is described as of now, not as of the last tick (React's "adjust state while
  // rendering" pattern: the render restarts at once with the new clock).
  if (clock.state !== state) setClock({ state, now: new Date() });
  return { state, sentence: describeSyncState(state, clock.state === state ? clock.now : new Date()) };
}

/** One word for the rail: "Synced", "Offline", "Problem"… (null with sharing off). */
export function shortSyncLabel(state: SyncState): string | null {
  switch (state.kind) {
    case 'off':
      return null;
    case 'paused':
      return 'Paused';
    case 'syncing':
      return 'Syncing…';
    case 'synced':
      return 'Synced';
    case 'offline':
      return 'Offline';
    case 'problem':
      return 'Problem';
  }
}

/** Where the rail's indicator and the conflict count lead: Town › Sharing. */
export const SHARING_FIELD = 'sharing';

/**
 * The rail's sharing indicator, shown only while sharing is set up: a word (and a dot whose
 * shape, not only its colour, tells a problem apart), the whole sentence as its name and
 * tooltip; a click opens Town › Sharing.
 */
export function RailSharingStatus({ onOpen }: { onOpen: () => void }) {
  const { state, sentence } = useSyncSentence();
  const label = shortSyncLabel(state);
  if (label === null) return null;
  return (
    <button type="button" className={`rail-sync rail-sync-${state.kind}`} title={sentence} onClick={onOpen}>
      <span className="rail-sync-dot" aria-hidden="true" />
      <span>
        Sharing: {label}
        <span className="visually-hidden"> — {sentence} Open Town › Sharing.</span>
      </span>
    </button>
  );
}

/** Opens Town › Sharing and brings its heading into view (the Town screen handles the focus request). */
export function openSharingSection(): void {
  useUi.getState().navigate({ screen: 'town', field: SHARING_FIELD });
}
