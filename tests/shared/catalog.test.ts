import { describe, expect, it } from 'vitest';
import { builtInCatalog, CATALOG_VERSION, emptyTownData } from '../../shared/domain/catalog';
import { townDataSchema } from '../../shared/domain/schema';

describe('builtInCatalog()', () => {
  it('holds the 2020 series with its three topics, each on two dates, as on the flyer', () => {
    const all = builtInCatalog();
    expect(all.series.map((s) => s.id)).toEqual([
      'sct-2020',
      'sct-2026-winter',
      'sct-2026-spring',
      'sct-2026-summer',
    ]);
    const trainings = all.trainings.filter((t) => t.seriesId === 'sct-2020');
    const sessions = all.sessions.filter((s) => trainings.some((t) => t.id === s.trainingId));
    expect(trainings.map((t) => t.name)).toEqual([
      'Equity 101',
      'Everyday Anti-Racism',
      'How to Have a Conversation About Race, Bias, and Equity',
    ]);
    const byTopic = (name: string) => {
      const t = trainings.find((x) => x.name === name)!;
      return sessions.filter((s) => s.trainingId === t.id).map((s) => [s.date, s.location]);
    };
    expect(byTopic('Equity 101')).toEqual([
      ['2020-02-18', 'Three Rivers Community College'],
      ['2020-04-21', 'Middlesex Community College'],
    ]);
    expect(byTopic('Everyday Anti-Racism')).toEqual([
      ['2020-03-17', 'Three Rivers Community College'],
      ['2020-05-20', 'Middlesex Community College'],
    ]);
    expect(byTopic('How to Have a Conversation About Race, Bias, and Equity')).toEqual([
      ['2020-04-14', 'Three Rivers Community College'],
      ['2020-06-17', 'Middlesex Community College'],
    ]);
  });

  it('marks every 2020 topic as a Sustainable CT in-person equity training of the series, 8am to 12pm', () => {
    const all = builtInCatalog();
    const trainings = all.trainings.filter((t) => t.seriesId === 'sct-2020');
    const sessions = all.sessions.filter((s) => trainings.some((t) => t.id === s.trainingId));
    expect(trainings).toHaveLength(3);
    for (const t of trainings) {
      expect(t).toMatchObject({
        provider: 'Sustainable CT',
        providedBySustainableCT: true,
        isEquity: true,
        delivery: 'inPerson',
        seriesId: 'sct-2020',
      });
    }
    for (const s of sessions) expect([s.startTime, s.endTime]).toEqual(['08:00', '12:00']);
  });

  it('holds the 2026 series as three cohorts, each a series of three required live virtual sessions', () => {
    const all = builtInCatalog();
    const cohort = (id: string) => {
      const topics = all.trainings.filter((t) => t.seriesId === id);
      return topics.map((t) => {
        const own = all.sessions.filter((s) => s.trainingId === t.id);
        expect(own).toHaveLength(1);
        expect(t).toMatchObject({
          provider: 'Sustainable CT',
          providedBySustainableCT: true,
          isEquity: true,
          delivery: 'liveVirtual',
        });
        return [own[0]!.date, own[0]!.startTime, own[0]!.endTime];
      });
    };
    expect(cohort('sct-2026-winter')).toEqual([
      ['2026-01-14', '10:00', '12:00'],
      ['2026-01-28', '10:00', '12:30'],
      ['2026-02-11', '10:00', '12:30'],
    ]);
    expect(cohort('sct-2026-spring').map((x) => x[0])).toEqual(['2026-03-11', '2026-03-25', '2026-04-08']);
    expect(cohort('sct-2026-summer').map((x) => x[0])).toEqual(['2026-05-06', '2026-05-20', '2026-06-03']);
  });

  it('invents no text: every training description is empty and every series says where it comes from', () => {
    const { series, trainings } = builtInCatalog();
    for (const t of trainings) expect(t.description).toBe('');
    expect(series.find((s) => s.id === 'sct-2020')?.description).toMatch(
      /^Built in, from the Sustainable CT flyer/,
    );
    for (const s of series.filter((x) => x.id.startsWith('sct-2026')))
      expect(s.description).toMatch(/^Built in, from Sustainable CT's equity support page/);
  });

  it('lists only what shipped after a catalog version', () => {
    expect(builtInCatalog(1).series.map((s) => s.id)).toEqual([
      'sct-2026-winter',
      'sct-2026-spring',
      'sct-2026-summer',
    ]);
    expect(builtInCatalog(CATALOG_VERSION).series).toEqual([]);
  });

  it('uses readable slug ids', () => {
    const { trainings, sessions } = builtInCatalog();
    expect(trainings[0]!.id).toBe('sct-2020-equity-101');
    expect(sessions[0]!.id).toBe('sct-2020-equity-101-2020-02-18');
  });

  it('returns fresh objects, so editing one copy leaves the next untouched', () => {
    const a = builtInCatalog();
    a.trainings[0]!.name = 'Changed';
    expect(builtInCatalog().trainings[0]!.name).toBe('Equity 101');
  });
});

describe('emptyTownData()', () => {
  it('is valid town data for the year with default settings and the catalog preloaded', () => {
    const data = emptyTownData(2026);
    expect(townDataSchema.parse(data)).toEqual(data);
    expect(data.town.certificationYear).toBe(2026);
    expect(data.settings.actionNumber).toBe('1.2');
    expect(data.sessions).toHaveLength(6 + 9);
    expect(data.people).toEqual([]);
    expect(data.attendance).toEqual([]);
  });
});
