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

/**
 * Forms with unsaved changes, so leaving a screen, pressing Escape in a dialog or closing
 * the window can ask "Discard your changes?" first. `useForm` registers every form by an
 * id; only ids are kept here, never the drafts themselves.
 */
interface DirtySlice {
  /** Ids of the forms whose draft differs from what is stored. */
  dirtyForms: readonly string[];
  setFormDirty: (id: string, dirty: boolean) => void;
  /** The open "Discard your changes?" prompt; `answer(true)` discards. */
  discardPrompt: { answer: (discard: boolean) => void } | null;
  openDiscardPrompt: (answer: (discard: boolean) => void) => void;
  closeDiscardPrompt: () => void;
}

/** Where a gap's Fix button came from, so saving the record it opened goes back there. */
export interface FixReturn {
  /** Identifies the gap (`gapKey`), to tell whether the fix removed it. */
  gapKey: string;
  /** Its place in the list, where the next gap will be after it is gone. */
  index: number;
  /** The gap's sentence, for the "Back to Eligibility" bar. */
  text: string;
}

interface FixSlice {
  /** Set by a gap's Fix button; cleared on any other navigation. */
  fixReturn: FixReturn | null;
  /** Eligibility: the gap to focus the next gap after, once the screen shows (set by `returnFromFix`). */
  gapFocus: FixReturn | null;
  /** Opens the gap's target (like `navigate`) and remembers to come back. */
  fixGap: (fix: FixReturn, target: NavTarget) => void;
  /** Back to Eligibility after a fix: focus goes to the next gap. Does nothing without a pending fix. */
  returnFromFix: () => void;
  clearGapFocus: () => void;
  /**
   * Where the keyboard goes on arrival: after the first-run guide creates the town, the new
   * screen's heading; after leaving the sample, the first-run guide's town name field.
   */
  headingFocusRequested: boolean;
  requestHeadingFocus: () => void;
  takeHeadingFocus: () => boolean;
}

/** The two ways to clear this computer: leave the sample town, or erase everything (with a backup first). */
export type RecordsDialog = 'startOwnTown' | 'erase';

interface RecordsSlice {
  recordsDialog: RecordsDialog | null;
  openRecordsDialog: (dialog: RecordsDialog) => void;
  closeRecordsDialog: () => void;
}

export type UiState = NavSlice &
  PeopleSlice &
  AttendanceSlice &
  DialogSlice &
  ToastSlice &
  RequestSlice &
  DirtySlice &
  FixSlice &
  RecordsSlice;

let seq = 0;

const toScreen = (screen: NavTarget['screen']): ScreenId => screen;

const navSlice: StateCreator<UiState, [], [], NavSlice> = (set) => ({
  screen: 'town',
  focus: null,
  navigate: (target) =>
    set((s) => ({
      screen: toScreen(target.screen),
      dialog: null,
      // Any navigation other than a Fix (which sets it again) ends the way back.
      fixReturn: null,
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

const dirtySlice: StateCreator<UiState, [], [], DirtySlice> = (set, get) => ({
  dirtyForms: [],
  setFormDirty: (id, dirty) => {
    const now = get().dirtyForms;
    if (now.includes(id) === dirty) return;
    set({ dirtyForms: dirty ? [...now, id] : now.filter((f) => f !== id) });
  },
  discardPrompt: null,
  openDiscardPrompt: (answer) => {
    // A second request while one is open (a menu command during the prompt) gets "keep editing".
    get().discardPrompt?.answer(false);
    set({ discardPrompt: { answer } });
  },
  closeDiscardPrompt: () => set({ discardPrompt: null }),
});

const fixSlice: StateCreator<UiState, [], [], FixSlice> = (set, get) => ({
  fixReturn: null,
  gapFocus: null,
  fixGap: (fix, target) => {
    get().navigate(target);
    set({ fixReturn: fix });
  },
  returnFromFix: () => {
    const fix = get().fixReturn;
    if (fix === null) return;
    get().navigate({ screen: 'eligibility' });
    set({ gapFocus: fix });
  },
  clearGapFocus: () => set({ gapFocus: null }),
  headingFocusRequested: false,
  requestHeadingFocus: () => set({ headingFocusRequested: true }),
  takeHeadingFocus: () => {
    if (!get().headingFocusRequested) return false;
    set({ headingFocusRequested: false });
    return true;
  },
});

const recordsSlice: StateCreator<UiState, [], [], RecordsSlice> = (set) => ({
  recordsDialog: null,
  openRecordsDialog: (recordsDialog) => set({ recordsDialog }),
  closeRecordsDialog: () => set({ recordsDialog: null }),
});

export const useUi = create<UiState>()((...a) => ({
  ...navSlice(...a),
  ...peopleSlice(...a),
  ...attendanceSlice(...a),
  ...dialogSlice(...a),
  ...toastSlice(...a),
  ...requestSlice(...a),
  ...dirtySlice(...a),
  ...fixSlice(...a),
  ...recordsSlice(...a),
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
  | 'dirtyForms'
  | 'discardPrompt'
  | 'fixReturn'
  | 'gapFocus'
  | 'headingFocusRequested'
  | 'recordsDialog'
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
    dirtyForms: [],
    discardPrompt: null,
    fixReturn: null,
    gapFocus: null,
    headingFocusRequested: false,
    recordsDialog: null,
  };
}

/**
 * Resolves true when it is fine to throw away unsaved changes: at once when no form has
 * any, else after the clerk answers "Discard your changes?" (false: keep editing).
 */
export function confirmDiscard(): Promise<boolean> {
  if (useUi.getState().dirtyForms.length === 0) return Promise.resolve(true);
  return askDiscard();
}

/** Asks "Discard your changes?" whatever the registry says (a dialog that knows its own form is changed). */
export function askDiscard(): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    useUi.getState().openDiscardPrompt((discard) => {
      useUi.getState().closeDiscardPrompt();
      resolve(discard);
    });
  });
}

/** Shortcut outside React (event handlers, async flows): `notify({ kind: 'success', text })`. */
export const notify = (toast: ToastInput): number => useUi.getState().notify(toast);
