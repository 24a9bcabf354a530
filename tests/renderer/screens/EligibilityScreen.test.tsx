// @vitest-environment jsdom
// Installed before Dexie loads: liveQuery needs a global indexedDB (dexie/Dexie.js#2070).
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSample } from '../../../renderer/db/backup';
import { initialiseTown, loadTownData, putPerson } from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import { Toasts } from '../../../renderer/src/components/Toasts';
import { createPacketPdf } from '../../../renderer/src/packet';
import { savePdf } from '../../../renderer/src/platform';
import { packetBytes } from '../../../shared/submissions';
import { EligibilityScreen } from '../../../renderer/src/screens/EligibilityScreen';
import { useUi } from '../../../renderer/src/store/ui';
import type { TownData } from '../../../shared/domain/schema';
import { evaluate } from '../../../shared/rules/engine';
import type { Evaluation } from '../../../shared/rules/evaluation';
import { fixtureEvaluation } from '../../shared/packet/fixtures';
import { makeDb, renderScreen, resetUi } from '../helpers';

// The PDF renderer and the save dialog are other modules' business; here we check what the screen asks of them.
vi.mock('../../../renderer/src/packet', () => ({ createPacketPdf: vi.fn() }));
vi.mock('../../../renderer/src/platform', () => ({
  savePdf: vi.fn(),
  appVersion: vi.fn(() => Promise.resolve('9.9.9')),
}));

/**
 * The packet tests' hand-built evaluation (engine-free), plus what this screen must also
 * show: a reason that does not count, a second gap, and a Part 2 attendee without a title.
 */
function evaluationFixture(over: Partial<Evaluation> = {}): Evaluation {
  const base = fixtureEvaluation();
  const { part1, part2 } = base;
  return {
    ...base,
    part1: {
      ...part1,
      reasons: [
        ...part1.reasons,
        { rule: 'P1.2', kind: 'problem', text: 'Pat Lee — Board of Finance is not an executive body.' },
      ],
    },
    part2: {
      ...part2,
      evidence: part2.evidence && {
        ...part2.evidence,
        attendees: part2.evidence.attendees.map((a) => (a.name === 'Lee Marsh' ? { ...a, title: null } : a)),
      },
    },
    gaps: [
      ...base.gaps,
      {
        part: 'part2',
        rule: 'T.2',
        text: 'Rolling-credit narrative missing for Part 2',
        target: { screen: 'town', field: 'rollingNarrative.part2' },
      },
    ],
    ...over,
  };
}

let db: AppDB;
let data: TownData;

beforeEach(async () => {
  resetUi();
  vi.mocked(createPacketPdf).mockReset();
  vi.mocked(savePdf).mockReset();
  db = makeDb();
  await initialiseTown(db, { name: 'Harbor Falls', certificationYear: 2026 });
  data = (await loadTownData(db))!;
});
afterEach(() => {
  cleanup();
  db.close();
});

function show(evaluation: Evaluation = evaluationFixture()) {
  const view = render(
    <>
      <EligibilityScreen data={data} evaluation={evaluation} db={db} />
      <Toasts />
    </>,
  );
  return {
    ...view,
    update: (next: Evaluation) =>
      view.rerender(
        <>
          <EligibilityScreen data={data} evaluation={next} db={db} />
          <Toasts />
        </>,
      ),
  };
}

const part = (n: 1 | 2) => screen.getByRole('region', { name: new RegExp(`^Part ${n}`) });
const fact = (region: HTMLElement, term: string) =>
  within(region)
    .getAllByText(term, { selector: 'dt' })[0]!
    .nextElementSibling?.textContent?.replace(/\s+/g, ' ')
    .trim();

describe('EligibilityScreen', () => {
  it('shows the total out of 15 and each part’s status in words, points, credit and completion date', () => {
    show();
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(summary.textContent).toContain('15 of 15');
    const p1 = part(1);
    expect(within(p1).getAllByText('Met').length).toBeGreaterThan(0);
    expect(fact(p1, 'Points')).toBe('10 of 10');
    expect(fact(p1, 'Credit')).toBe('New credit');
    expect(fact(p1, 'Completed')).toBe('May 14, 2024');
    const p2 = part(2);
    expect(within(p2).getAllByText('Review').length).toBeGreaterThan(0);
    expect(fact(p2, 'Credit')).toBe('Rolling credit');
    expect(fact(p2, 'Completed')).toBe('April 21, 2020');
  });

  it('lists the cohort with the role each fills, the title when attending and the sessions, flagging a missing title', () => {
    show();
    const table = within(part(1)).getByRole('table', { name: 'Cohort for 2024 Equity Series' });
    const row = (name: string) =>
      within(table)
        .getByRole('rowheader', { name: new RegExp(`^${name},`) })
        .closest('tr')!;
    expect(row('Avery Stone').textContent).toContain('Role E');
    expect(row('Avery Stone').textContent).toContain('First Selectman');
    expect(row('Avery Stone').textContent).toContain('May 14, 2024, Conversations About Race');
    expect(row('Kim Cho').textContent).toContain('Title missing');
    expect(row('Olu Ade').textContent).toContain('No role');
    expect(row('Olu Ade').textContent).toContain('Not every topic');
  });

  it('draws a long cohort 25 rows at a time, role holders first, and shows the rest on request', async () => {
    const base = evaluationFixture();
    const evidence = base.part1.evidence!;
    const [holder, ...others] = evidence.cohort;
    const extra = Array.from({ length: 160 }, (_, i) => ({
      ...others[0]!,
      personId: `extra-${i}`,
      name: `Extra Person ${String(i).padStart(3, '0')}`,
    }));
    const cohort = [holder!, ...others, ...extra];
    show({ ...base, part1: { ...base.part1, evidence: { ...evidence, cohort } } });
    const table = () => within(part(1)).getByRole('table', { name: 'Cohort for 2024 Equity Series' });
    const rowCount = () => within(table()).getAllByRole('row').length - 1;
    expect(rowCount()).toBe(25);
    expect(within(table()).getByRole('rowheader', { name: new RegExp(`^${holder!.name},`) })).toBeTruthy();
    expect(within(part(1)).getByRole('status').textContent).toBe(
      `Showing 25 of ${cohort.length} cohort members.`,
    );
    await userEvent.click(within(part(1)).getByRole('button', { name: 'Show 100 more' }));
    expect(rowCount()).toBe(125);
    await userEvent.click(within(part(1)).getByRole('button', { name: `Show ${cohort.length - 125} more` }));
    expect(rowCount()).toBe(cohort.length);
    expect(within(part(1)).queryByRole('button', { name: /^Show \d+ more$/ })).toBeNull();
  });

  it('shows every Part 2 submission field: training, date, entity, delivery, count, departments, attendees', () => {
    show();
    const p2 = part(2);
    expect(fact(p2, 'Training')).toBe('Bridging Differences');
    expect(fact(p2, 'Date')).toBe('April 21, 2020');
    expect(fact(p2, 'Training entity')).toBe('Connecticut Conference of Municipalities');
    expect(fact(p2, 'Delivery')).toBe('In person');
    expect(fact(p2, 'Attendees')).toBe('14 (2 listed on the roster, 14 in all by the sign-in sheet)');
    expect(fact(p2, 'Departments')).toBe('Public Works, Library');
    expect(fact(p2, 'Description')).toContain('listening across difference');
    const attendees = within(p2).getByRole('table', { name: '2 attendees listed on the roster' });
    expect(
      within(attendees).getByRole('rowheader', { name: 'Lee Marsh' }).closest('tr')!.textContent,
    ).toContain('Title missing');
  });

  it('gives every reason its rule id and its kind in words, and lists what Part 1 did not count', () => {
    show();
    const problem = within(part(1))
      .getByText(/Board of Finance is not an executive body/)
      .closest('li')!;
    expect(problem.textContent).toMatch(/Rule P1\.2\s*Does not count/);
    const review = within(part(2))
      .getByText(/also Part 1 evidence/)
      .closest('li')!;
    expect(review.textContent).toMatch(/Rule P2\.5\s*Review/);
    expect(within(part(1)).getByText('Implicit Bias On Demand').closest('li')!.textContent).toContain(
      'Not provided by Sustainable CT',
    );
    const warnings = screen.getByRole('region', { name: 'Warnings for the whole action' });
    expect(
      within(warnings).getByText('One training is used for both parts.').closest('li')!.textContent,
    ).toMatch(/Check/);
  });

  it('lists each equity session that could not count for Part 2, with why, or says none was left out', () => {
    const base = evaluationFixture();
    const { update } = show({
      ...base,
      part2: {
        ...base.part2,
        notCounted: [
          {
            id: 's-workshop',
            trainingId: 't-workshop',
            name: 'Equity Workshop',
            date: '2025-05-01',
            rule: 'P2.2',
            reason:
              'Equity Workshop on May 1, 2025 was recorded / on demand: Part 2 needs a live training, in person or live virtual (P2.2).',
          },
        ],
      },
    });
    const heading = within(part(2)).getByRole('heading', { name: 'Not counted for Part 2' });
    const list = heading.nextElementSibling as HTMLElement;
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Equity Workshop on May 1, 2025 was recorded / on demand: Part 2 needs a live training, in person or live virtual (P2.2).',
    ]);
    update(base);
    expect(
      within(part(2)).getByRole('heading', { name: 'Not counted for Part 2' }).nextElementSibling
        ?.textContent,
    ).toBe('No other equity session the town attended was left out.');
  });

  it('sends “Fix” to the screen and record of the gap', async () => {
    show();
    const gaps = screen.getByRole('region', { name: 'Before you submit' });
    expect(within(gaps).getByText('2 items missing')).toBeTruthy();
    await userEvent.click(
      within(gaps).getByRole('button', { name: /^Fix on People: Title missing for Kim Cho/ }),
    );
    const ui = useUi.getState();
    expect(ui.screen).toBe('people');
    expect(ui.focus).toMatchObject({ screen: 'people', recordId: 'p-r', field: 'title' });
  });

  it('says nothing is missing when there are no gaps', () => {
    show(evaluationFixture({ gaps: [] }));
    const gaps = screen.getByRole('region', { name: 'Before you submit' });
    expect(within(gaps).queryByRole('button', { name: /^Fix/ })).toBeNull();
    expect(gaps.textContent).toContain('No field is missing from the evidence shown below.');
  });

  it('states the new-credit window and explains recertification only when the engine reports it', () => {
    const { update } = show();
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(summary.textContent).toContain('Evaluated as of March 1, 2026 (today)');
    expect(summary.textContent).toContain('New credit from January 1, 2023');
    expect(summary.textContent).not.toContain('Recertification year');
    update(evaluationFixture({ recertification: { yearAwarded: 2023, level: 'Silver', expires: 2026 } }));
    expect(summary.textContent).toContain(
      'Recertification year. The town’s Silver certification from 2023 expires at the end of 2026',
    );
  });

  it('shows coaching hours of the free four and warns past them, and the Optimize for Equity level', () => {
    const { update } = show();
    const coaching = screen.getByRole('region', { name: 'Equity coaching' });
    expect(coaching.textContent).toContain('2.5 hours used of 4 hours free.');
    expect(within(coaching).queryByText('Warning:')).toBeNull();
    update(evaluationFixture({ coaching: { hoursUsed: 5, freeHours: 4, overFreeHours: true } }));
    expect(within(coaching).getByText('Warning:')).toBeTruthy();
    const optimize = screen.getByRole('region', { name: 'Optimize for Equity' });
    expect(optimize.textContent).toContain(
      'Applied to 1 action. That is enough for Bronze. Silver needs 2 actions more.',
    );
  });

  it('sends “Change … on the Town screen” to the coaching and the Optimize for Equity sections', async () => {
    show();
    await userEvent.click(screen.getByRole('button', { name: 'Change coaching hours on the Town screen' }));
    expect(useUi.getState()).toMatchObject({ screen: 'town', focus: { screen: 'town', field: 'coaching' } });
    resetUi();
    await userEvent.click(screen.getByRole('button', { name: 'Change the actions on the Town screen' }));
    expect(useUi.getState()).toMatchObject({
      screen: 'town',
      focus: { screen: 'town', field: 'optimizeForEquity' },
    });
  });

  it('updates live when the evaluation changes', () => {
    const { update } = show();
    const base = evaluationFixture();
    update({
      ...base,
      part1: {
        ...base.part1,
        status: 'notMet',
        points: 0,
        credit: null,
        completionDate: null,
        evidence: null,
      },
      totalPoints: 5,
    });
    expect(screen.getByRole('region', { name: 'Summary' }).textContent).toContain('5 of 15');
    expect(fact(part(1), 'Points')).toBe('0 of 10');
    expect(within(part(1)).getAllByText('Not met').length).toBeGreaterThan(0);
    expect(within(part(1)).queryByRole('table')).toBeNull();
  });

  const openDialog = () => userEvent.click(screen.getByRole('button', { name: 'Create packet…' }));
  const createInDialog = () =>
    userEvent.click(screen.getByRole('button', { name: 'Create and save the packet' }));

  it('creates the packet from the shown data and evaluation, stays busy while working, then says where it was saved', async () => {
    let finish: (bytes: Uint8Array) => void = () => undefined;
    vi.mocked(createPacketPdf).mockReturnValue(new Promise((resolve) => (finish = resolve)));
    vi.mocked(savePdf).mockResolvedValue({
      status: 'saved',
      fileName: 'harbor-falls-equity-training-packet-2026.pdf',
    });
    const evaluation = evaluationFixture();
    show(evaluation);
    await openDialog();
    const dialog = screen.getByRole('dialog', { name: 'Create packet' });
    expect(
      within(dialog).getByText(/2 items are still missing: the packet will be marked DRAFT/),
    ).toBeTruthy();
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: /appendix/ }).checked).toBe(false);
    await createInDialog();
    const busy = within(dialog).getByRole('button', { name: 'Creating the packet…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(busy);
    expect(createPacketPdf).toHaveBeenCalledTimes(1);
    expect(createPacketPdf).toHaveBeenCalledWith(
      data,
      evaluation,
      { generatedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown, appVersion: '9.9.9' },
      { appendix: false },
    );
    const bytes = new Uint8Array([37, 80, 68, 70]);
    act(() => finish(bytes));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Messages' }).textContent).toContain(
        'Packet saved as harbor-falls-equity-training-packet-2026.pdf. It prints 2 missing items as gaps',
      ),
    );
    expect(savePdf).toHaveBeenCalledWith('harbor-falls-equity-training-packet-2026.pdf', bytes);
    expect(within(dialog).getByRole('button', { name: 'Mark as submitted' })).toBeTruthy();
  });

  it('adds the town’s check as an appendix when ticked, and then offers no “Mark as submitted”', async () => {
    vi.mocked(createPacketPdf).mockResolvedValue(new Uint8Array([1]));
    vi.mocked(savePdf).mockResolvedValue({ status: 'saved', fileName: 'with-check.pdf' });
    show();
    await openDialog();
    await userEvent.click(screen.getByRole('checkbox', { name: /appendix/ }));
    await createInDialog();
    await waitFor(() => expect(savePdf).toHaveBeenCalledTimes(1));
    expect(vi.mocked(createPacketPdf).mock.calls[0]![3]).toEqual({ appendix: true });
    expect(vi.mocked(savePdf).mock.calls[0]![0]).toBe(
      'harbor-falls-equity-training-packet-2026-with-check.pdf',
    );
    expect(await screen.findByText(/the town’s file copy/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mark as submitted' })).toBeNull();
  });

  it('marks the saved packet as submitted: the exact bytes, the evaluation and the records are kept', async () => {
    const bytes = new Uint8Array([37, 80, 68, 70, 0, 255, 128]);
    vi.mocked(createPacketPdf).mockResolvedValue(bytes);
    vi.mocked(savePdf).mockResolvedValue({ status: 'saved', fileName: 'packet.pdf' });
    const evaluation = evaluationFixture();
    show(evaluation);
    await openDialog();
    await createInDialog();
    const mark = await screen.findByRole('button', { name: 'Mark as submitted' });
    const by = screen.getByRole('textbox', { name: /Submitted by/ });
    await userEvent.clear(by);
    await userEvent.type(by, 'Pat Clerk');
    await userEvent.click(mark);
    await waitFor(async () => expect((await loadTownData(db))!.submissions).toHaveLength(1));
    const [s] = (await loadTownData(db))!.submissions;
    expect(packetBytes(s!)).toEqual(bytes);
    expect(s!.submittedBy).toBe('Pat Clerk');
    expect(s!.certificationYear).toBe(evaluation.certificationYear);
    expect(s!.evaluation.totalPoints).toBe(evaluation.totalPoints);
    expect(s!.snapshot.town.name).toBe('Harbor Falls');
    expect(useUi.getState().screen).toBe('history');
  });

  it('reports a clear error when the packet cannot be made, and lets the user try again', async () => {
    vi.mocked(createPacketPdf).mockRejectedValue(new Error('font file missing'));
    show();
    await openDialog();
    await createInDialog();
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Messages' }).textContent).toContain(
        'The packet could not be created: font file missing.',
      ),
    );
    expect(savePdf).not.toHaveBeenCalled();
    expect(
      screen.getByRole('button', { name: 'Create and save the packet' }).getAttribute('aria-disabled'),
    ).toBeNull();
  });

  it('says the packet was not saved when the save dialog is closed or the save fails', async () => {
    vi.mocked(createPacketPdf).mockResolvedValue(new Uint8Array([1]));
    vi.mocked(savePdf).mockResolvedValueOnce({ status: 'canceled' });
    vi.mocked(savePdf).mockResolvedValueOnce({ status: 'error', message: 'disk full' });
    show();
    const messages = screen.getByRole('status', { name: 'Messages' });
    await openDialog();
    await createInDialog();
    await waitFor(() => expect(messages.textContent).toContain('the save dialog was closed'));
    await createInDialog();
    await waitFor(() => expect(messages.textContent).toContain('The packet could not be saved: disk full'));
  });

  it('opens the Create packet dialog for the menu’s “Create packet…”, even when asked before the screen opened', async () => {
    useUi.getState().requestPacket();
    show();
    expect(await screen.findByRole('dialog', { name: 'Create packet' })).toBeTruthy();
    expect(useUi.getState().packetRequested).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Create packet' })).toBeNull();
    act(() => useUi.getState().requestPacket());
    expect(await screen.findByRole('dialog', { name: 'Create packet' })).toBeTruthy();
    expect(createPacketPdf).not.toHaveBeenCalled();
  });

  it('shows the real engine’s verdict on the sample town and turns a cleared title into a gap, live', async () => {
    // jsdom's import.meta.url is not a file URL, so resolve from this file's folder.
    const sample = readFileSync(
      join(import.meta.dirname, '../../../resources/samples/harbor-falls.json'),
      'utf8',
    );
    const loaded = await loadSample(db, sample);
    expect(loaded.ok).toBe(true);
    await renderScreen(EligibilityScreen, db, (d) =>
      evaluate(d, { certificationYear: d.town.certificationYear, asOfDate: '2026-03-01' }),
    );
    expect(screen.getByRole('region', { name: 'Summary' }).textContent).toContain('15 of 15');
    expect(within(part(1)).getAllByText('Met').length).toBeGreaterThan(0);
    expect(within(part(2)).getAllByText('Met').length).toBeGreaterThan(0);
    expect(screen.getByRole('region', { name: 'Before you submit' }).textContent).toContain(
      'Nothing missing',
    );

    const jose = (await loadTownData(db))!.people.find((p) => p.name === 'José Peña')!;
    await putPerson(db, { ...jose, positions: jose.positions.map((x) => ({ ...x, title: '' })) });
    const gaps = screen.getByRole('region', { name: 'Before you submit' });
    await waitFor(() => expect(gaps.textContent).toContain('Title missing for José Peña'));
    await userEvent.click(
      within(gaps).getByRole('button', { name: /^Fix on People: Title missing for José Peña/ }),
    );
    expect(useUi.getState().focus).toMatchObject({ screen: 'people', recordId: jose.id, field: 'title' });
  });
});
