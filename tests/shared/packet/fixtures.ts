/**
 * A hand-built town and the evaluation the engine would give it, so the packet
 * builder is tested on its own (without the rules engine). Names are chosen to be
 * easy to find in the output.
 */
import { townDataSchema } from '../../../shared/domain/schema';
import type { TownData } from '../../../shared/domain/schema';
import type { Evaluation, SessionRef } from '../../../shared/rules/evaluation';

export const meta = { generatedOn: '2026-03-01', appVersion: '0.1.0' };

const s101: SessionRef = {
  sessionId: 's-101',
  trainingId: 't-101',
  trainingName: 'Equity 101',
  date: '2024-03-12',
  location: 'Town Hall, Room 2',
};
const sRace: SessionRef = {
  sessionId: 's-race',
  trainingId: 't-race',
  trainingName: 'Conversations About Race',
  date: '2024-05-14',
  location: 'https://example.org/live',
};

export function fixtureTown(overrides: Partial<TownData> = {}): TownData {
  return townDataSchema.parse({
    town: {
      name: 'Maple Hollow',
      certificationYear: 2026,
      asOfDate: '2026-03-01',
      preparedBy: 'Dana Whitfield',
      preparedByTitle: 'Town Clerk',
      rollingNarrative: { part1: '', part2: 'The library still runs the monthly equity circle.' },
    },
    settings: { actionNumber: '7.3', actionName: 'Train Municipal Representatives' },
    people: [
      { id: 'p-e', name: 'Avery Stone', positions: [] },
      { id: 'p-s', name: 'Bea Quill', positions: [] },
      { id: 'p-r', name: 'Kim Cho', positions: [] },
    ],
    trainings: [
      {
        id: 't-101',
        name: 'Equity 101',
        provider: 'Sustainable CT',
        providedBySustainableCT: true,
        isEquity: true,
        delivery: 'liveVirtual',
        seriesId: 'ser-1',
      },
    ],
    series: [{ id: 'ser-1', name: '2024 Equity Series' }],
    sessions: [
      {
        id: 's-101',
        trainingId: 't-101',
        date: '2024-03-12',
        startTime: '18:00',
        endTime: '19:30',
        location: 'Town Hall, Room 2',
      },
    ],
    partners: [
      {
        id: 'pa-1',
        name: 'Town of Cedar Falls',
        kind: 'municipality',
        role: 'Hosted the training and shared the fee.',
      },
    ],
    optimizeForEquity: [{ id: 'o-1', actionNumber: '4.1', actionName: 'Plan for Climate Resilience' }],
    ...overrides,
  });
}

export function fixtureEvaluation(): Evaluation {
  return {
    certificationYear: 2026,
    asOfDate: '2026-03-01',
    newCreditFrom: '2023-01-01',
    recertification: null,
    part1: {
      id: 'part1',
      status: 'met',
      points: 10,
      maxPoints: 10,
      credit: 'new',
      completionDate: '2024-05-14',
      evidence: {
        seriesId: 'ser-1',
        seriesName: '2024 Equity Series',
        topics: [
          { trainingId: 't-101', name: 'Equity 101' },
          { trainingId: 't-race', name: 'Conversations About Race' },
        ],
        cohort: [
          {
            personId: 'p-e',
            name: 'Avery Stone',
            role: 'E',
            roleLabel: 'Elected official — Board of Selectmen',
            title: 'First Selectman',
            sessions: [s101, sRace],
            completedAllTopics: true,
          },
          {
            personId: 'p-s',
            name: 'Bea Quill',
            role: 'S',
            roleLabel: 'Director-level staff — Public Works',
            title: 'Director of Public Works',
            sessions: [s101, sRace],
            completedAllTopics: true,
          },
          {
            personId: 'p-r',
            name: 'Kim Cho',
            role: 'R',
            roleLabel: 'Resident sustainability team member',
            title: null,
            sessions: [s101, sRace],
            completedAllTopics: true,
          },
          {
            personId: 'p-o',
            name: 'Olu Ade',
            role: null,
            roleLabel: 'Appointed — Conservation Commission',
            title: 'Commissioner',
            sessions: [s101],
            completedAllTopics: false,
          },
        ],
        sessions: [s101, sRace],
      },
      notCounted: [
        {
          id: 't-ondemand',
          name: 'Implicit Bias On Demand',
          reason: 'Not provided by Sustainable CT (P1.1).',
        },
      ],
      reasons: [
        {
          rule: 'P1.4',
          kind: 'ok',
          text: 'Avery Stone (E), Bea Quill (S) and Kim Cho (R) each completed every topic.',
        },
        { rule: 'T.1', kind: 'ok', text: 'Completed May 14, 2024, on or after January 1, 2023: new credit.' },
      ],
      gaps: [
        {
          part: 'part1',
          rule: 'P1.9',
          text: 'Title missing for Kim Cho',
          target: { screen: 'people', recordId: 'p-r', field: 'title' },
        },
      ],
    },
    part2: {
      id: 'part2',
      notCounted: [],
      status: 'review',
      points: 5,
      maxPoints: 5,
      credit: 'rolling',
      completionDate: '2020-04-21',
      evidence: {
        trainingId: 't-ccm',
        trainingName: 'Bridging Differences',
        sessionId: 's-ccm',
        date: '2020-04-21',
        provider: 'Connecticut Conference of Municipalities',
        delivery: 'inPerson',
        description:
          'Facilitated workshop on listening across difference.\n\nAgenda: welcome; case studies; practice.',
        location: 'Library Community Room',
        attendeeCount: 14,
        listedCount: 2,
        reportedCount: 14,
        departments: ['Public Works', 'Library'],
        attendees: [
          {
            personId: 'p-s',
            name: 'Bea Quill',
            title: 'Director of Public Works',
            department: 'Public Works',
          },
          { personId: 'p-l', name: 'Lee Marsh', title: 'Librarian', department: 'Library' },
        ],
      },
      reasons: [
        { rule: 'P2.5', kind: 'review', text: 'Bridging Differences is also Part 1 evidence.' },
        {
          rule: 'T.2',
          kind: 'info',
          text: 'Completed April 21, 2020, before January 1, 2023: rolling credit.',
        },
      ],
      gaps: [],
    },
    totalPoints: 15,
    maxPoints: 15,
    gaps: [
      {
        part: 'part1',
        rule: 'P1.9',
        text: 'Title missing for Kim Cho',
        target: { screen: 'people', recordId: 'p-r', field: 'title' },
      },
    ],
    warnings: [{ rule: 'P2.5', kind: 'warning', text: 'One training is used for both parts.' }],
    coaching: { hoursUsed: 2.5, freeHours: 4, overFreeHours: false },
    optimizeForEquity: { actionsCount: 1, levelReached: 'Bronze', next: { level: 'Silver', actionsMore: 2 } },
  };
}
