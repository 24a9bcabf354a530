import { describe, expect, it } from 'vitest';
import { builtInCatalog, emptyTownData } from '../../shared/domain/catalog';
import { townDataSchema } from '../../shared/domain/schema';

describe('builtInCatalog()', () => {
  it('holds the 2020 series with its three topics, each on two dates, as on the flyer', () => {
    const { series, trainings, sessions } = builtInCatalog();
    expect(series.map((s) => s.id)).toEqual(['sct-2020']);
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

  it('marks every topic as a Sustainable CT in-person equity training of the series, 8am to 12pm', () => {
    const { trainings, sessions } = builtInCatalog();
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
    expect(data.sessions).toHaveLength(6);
    expect(data.people).toEqual([]);
    expect(data.attendance).toEqual([]);
  });
});
