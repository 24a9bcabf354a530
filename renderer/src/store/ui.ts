/**
 * UI state only: which screen is showing, where "Fix" sent the user, filters,
 * the open dialog, toasts, and one-shot requests (make the packet, restore a
 * backup, import a CSV). NEVER a copy of stored data: records come from Dexie
 * through `useTownData()`; this store holds ids and view settings at most.
 *
 * Built from small slices; read it with selectors (`useUi((s) => s.screen)`),
 * so a component re-renders only when its slice changes.
 */
import { create } from 'zustand';
import type { StateCreator } from 'zustand';
import type { PositionKind } from '../../../shared/domain/schema';
import type { GapTarget } from '../../../shared/rules/evaluation';

export type ScreenId =
  'town' | 'people' | 'trainings' | 'attendance' | 'partners' | 'eligibility' | 'submit' | 'history';

export const screenIds: readonly ScreenId[] = [
  'town',
  'people',
  'trainings',
  'attendance',
  'partners',
  'eligibility',
  'submit',
  'history',
];

/** Where to go: a GapTarget (from the rules engine) or any screen, optionally a record and a field on it. */
export interface NavTarget {
  screen: ScreenId | GapTarget['screen'];
  recordId?: string;
  field?: string;
}

/** A navigation target the destination screen has not handled yet; `seq` tells two identical requests apart. */
export interface PendingFocus extends NavTarget {
  seq: number;
}

interface NavSlice {
  screen: ScreenId;
  /** Set by `navigate` when a record or field should be brought into view; cleared by the screen. */
  focus: PendingFocus | null;
  /** Shows the target screen; with a recordId/field the screen scrolls to, focuses or opens that record. */
  navigate: (target: NavTarget) => void;
  /** Called by a screen once it has handled `focus`. */
  clearFocus: () => void;
}

export type PeopleKindFilter = PositionKind | 'all' | 'none';

interface PeopleSlice {
  peopleSearch: string;
  peopleKind: PeopleKindFilter;
  setPeopleSearch: (text: string) => void;
  setPeopleKind: (kind: PeopleKindFilter) => void;
}

/** Attendance screen: the grid of one series or course, or one person's attendance. */
export type AttendanceView = 'grid' | 'person';

interface AttendanceSlice {
  attendanceView: AttendanceView;
  /** The series or course shown in the grid: `series:<id>` or `training:<id>`; null = the screen's default. */
  attendanceSource: string | null;
  /** The person shown in the per-person view; null = none chosen yet. */
  attendancePersonId: string | null;
  /** The grid's search box (names, titles, departments). */
  attendanceSearch: string;
  setAttendanceView: (view: AttendanceView) => void;
  setAttendanceSource: (source: string | null) => void;
  /** Chooses a person and shows the per-person view. */
  showPersonAttendance: (personId: string | null) => void;
  setAttendanceSearch: (text: string) => void;
}

/** The dialog that is open: `kind` names it (e.g. 'person', 'partner'), `recordId` is the record edited (absent = new). */
export interface OpenDialog {
  kind: string;
  recordId?: string;
}

interface DialogSlice {
  dialog: OpenDialog | null;
  openDialog: (dialog: OpenDialog) => void;
  closeDialog: () => void;
}

export type ToastKind = 'info' | 'success' | 'error';

export interface ToastInput {
  kind: ToastKind;
  text: string;
  /** Shows an "Undo" button; called once when pressed, then the toast closes. */
  undo?: () => void | Promise<void>;
}

export interface Toast extends ToastInput {
  id: number;
}

interface ToastSlice {
  toasts: Toast[];
  /** Shows a message in the polite live region; returns its id. At most 3 stay on screen. */
  notify: (toast: ToastInput) => number;
  dismissToast: (id: number) => void;
}

/**
 * One-shot requests from the menu or another screen. Each is a flag plus a `take…`
 * function: the screen that does the work watches the flag and calls `take…()`,
 * which returns true exactly once per request (safe under StrictMode's double effects
 * and when the screen mounts only after the request was made):
 *
 *   const wanted = useUi((s) => s.packetRequested);
 *   useEffect(() => { if (wanted && useUi.getState().takePacketRequest()) void makePacket(); }, [wanted]);
 */
interface RequestSlice {
  /** Eligibility screen: make the packet (menu "Create packet…"). `requestPacket` also shows that screen. */
  packetRequested: boolean;
  requestPacket: () => void;
  takePacketRequest: () => boolean;
  /** The restore flow (mounted by the App shell): choose a backup file, preview, confirm. */
  restoreRequested: boolean;
  requestRestore: () => void;
  takeRestoreRequest: () => boolean;
  /** People screen: import people from a CSV file (the hook for the CSV importer). Also shows People. */
  csvImportRequested: boolean;
  requestCsvImport: () => void;
  takeCsvImportRequest: () => boolean;
}

export type UiState = NavSlice & PeopleSlice & AttendanceSlice & DialogSlice & ToastSlice & RequestSlice;

let seq = 0;

const toScreen = (screen: NavTarget['screen']): ScreenId => screen;

const navSlice: StateCreator<UiState, [], [], NavSlice> = (set) => ({
  screen: 'town',
  focus: null,
  navigate: (target) =>
    set((s) => ({
      screen: toScreen(target.screen),
      dialog: null,
      // "Saved" belongs to the screen it was said on; errors and Undo offers stay.
      toasts: s.toasts.filter((t) => t.kind === 'error' || t.undo !== undefined),
      focus:
        target.recordId !== undefined || target.field !== undefined
          ? { ...target, screen: toScreen(target.screen), seq: ++seq }
          : null,
    })),
  clearFocus: () => set({ focus: null }),
});

const peopleSlice: StateCreator<UiState, [], [], PeopleSlice> = (set) => ({
  peopleSearch: '',
  peopleKind: 'all',
  setPeopleSearch: (peopleSearch) => set({ peopleSearch }),
  setPeopleKind: (peopleKind) => set({ peopleKind }),
});

const attendanceSlice: StateCreator<UiState, [], [], AttendanceSlice> = (set) => ({
  attendanceView: 'grid',
  attendanceSource: null,
  attendancePersonId: null,
  attendanceSearch: '',
  setAttendanceView: (attendanceView) => set({ attendanceView }),
  setAttendanceSource: (attendanceSource) => set({ attendanceSource }),
  showPersonAttendance: (attendancePersonId) => set({ attendancePersonId, attendanceView: 'person' }),
  setAttendanceSearch: (attendanceSearch) => set({ attendanceSearch }),
});

const dialogSlice: StateCreator<UiState, [], [], DialogSlice> = (set) => ({
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
});

const MAX_TOASTS = 3;

const toastSlice: StateCreator<UiState, [], [], ToastSlice> = (set) => ({
  toasts: [],
  notify: (toast) => {
    const id = ++seq;
    set((s) => ({ toasts: [...s.toasts, { ...toast, id }].slice(-MAX_TOASTS) }));
    return id;
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});

const requestSlice: StateCreator<UiState, [], [], RequestSlice> = (set, get) => {
  const take = (key: 'packetRequested' | 'restoreRequested' | 'csvImportRequested') => () => {
    if (!get()[key]) return false;
    set({ [key]: false });
    return true;
  };
  return {
    packetRequested: false,
    requestPacket: () => set({ screen: 'eligibility', dialog: null, packetRequested: true }),
    takePacketRequest: take('packetRequested'),
    restoreRequested: false,
    requestRestore: () => set({ restoreRequested: true }),
    takeRestoreRequest: take('restoreRequested'),
    csvImportRequested: false,
    requestCsvImport: () => set({ screen: 'people', dialog: null, csvImportRequested: true }),
    takeCsvImportRequest: take('csvImportRequested'),
  };
};

export const useUi = create<UiState>()((...a) => ({
  ...navSlice(...a),
  ...peopleSlice(...a),
  ...attendanceSlice(...a),
  ...dialogSlice(...a),
  ...toastSlice(...a),
  ...requestSlice(...a),
}));

/** The initial state, for tests: `useUi.setState(initialUiState())` between tests. */
export function initialUiState(): Pick<
  UiState,
  | 'screen'
  | 'focus'
  | 'peopleSearch'
  | 'peopleKind'
  | 'attendanceView'
  | 'attendanceSource'
  | 'attendancePersonId'
  | 'attendanceSearch'
  | 'dialog'
  | 'toasts'
  | 'packetRequested'
  | 'restoreRequested'
  | 'csvImportRequested'
> {
  return {
    screen: 'town',
    focus: null,
    peopleSearch: '',
    peopleKind: 'all',
    attendanceView: 'grid',
    attendanceSource: null,
    attendancePersonId: null,
    attendanceSearch: '',
    dialog: null,
    toasts: [],
    packetRequested: false,
    restoreRequested: false,
    csvImportRequested: false,
  };
}

/** Shortcut outside React (event handlers, async flows): `notify({ kind: 'success', text })`. */
export const notify = (toast: ToastInput): number => useUi.getState().notify(toast);
