/**
 * Test helpers for renderer component tests (jsdom): a real Dexie database on
 * fake-indexeddb, a screen rendered live from it, and a neutral evaluation so a
 * screen can be tested without the rules engine.
 */
// liveQuery only runs its querier when a global indexedDB exists (dexie/Dexie.js#2070), so install one.
import 'fake-indexeddb/auto';
import { render, screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { expect } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { useTownData } from '../../renderer/db/hooks';
import { createDb } from '../../renderer/db/schema';
import type { AppDB } from '../../renderer/db/schema';
import type { ScreenProps } from '../../renderer/src/screens/types';
import { initialUiState, useUi } from '../../renderer/src/store/ui';
import type { TownData } from '../../shared/domain/schema';
import type { Evaluation, PartStatus } from '../../shared/rules/evaluation';

/** A fresh, empty database with a unique name on fake-indexeddb. */
export function makeDb(): AppDB {
  return createDb(`test-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
}

/** Resets the UI store between tests. */
export function resetUi(): void {
  useUi.setState(initialUiState());
}

/** A plausible evaluation with nothing met, for screens that only display parts of it. */
export function fakeEvaluation(data: TownData, over: Partial<Evaluation> = {}): Evaluation {
  const part = (id: 'part1' | 'part2', status: PartStatus, points: number) => ({
    id,
    status,
    points,
    maxPoints: id === 'part1' ? 10 : 5,
    credit: null,
    completionDate: null,
    reasons: [],
    gaps: [],
    evidence: null,
  });
  return {
    certificationYear: data.town.certificationYear,
    asOfDate: data.town.asOfDate ?? '2026-03-01',
    newCreditFrom: `${data.town.certificationYear - 3}-01-01`,
    recertification: null,
    part1: { ...part('part1', 'notMet', 0), notCounted: [] },
    part2: { ...part('part2', 'notMet', 0), notCounted: [] },
    totalPoints: 0,
    maxPoints: 15,
    gaps: [],
    warnings: [],
    coaching: {
      hoursUsed: data.coaching.reduce((s, c) => s + c.hours, 0),
      freeHours: data.settings.freeCoachingHours,
      overFreeHours: false,
    },
    optimizeForEquity: { actionsCount: data.optimizeForEquity.length, levelReached: null, next: null },
    ...over,
  } as Evaluation;
}

/** Renders `Screen` fed live from `db` (like the App shell does), once the town has loaded. */
export async function renderScreen(
  Screen: ComponentType<ScreenProps>,
  db: AppDB,
  evaluation: (data: TownData) => Evaluation = fakeEvaluation,
) {
  function Live() {
    const data = useTownData(db);
    if (!data) return <p>Loading the test town</p>;
    return <Screen data={data} evaluation={evaluation(data)} db={db} />;
  }
  const result = render(<Live />);
  await waitFor(() => expect(screen.queryByText('Loading the test town')).toBeNull());
  return result;
}
