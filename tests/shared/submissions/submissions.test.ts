import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../shared/backup';
import { submissionSchema } from '../../../shared/domain/schema';
import type { Submission, TownData } from '../../../shared/domain/schema';
import { evaluate } from '../../../shared/rules/engine';
import {
  base64ToBytes,
  buildSubmission,
  bytesToBase64,
  certificationFromResult,
  certificationIdFor,
  compareWithSubmission,
  freezeEvaluation,
  packetBytes,
  recordsOf,
  whatComesNext,
} from '../../../shared/submissions';

function sample(): TownData {
  const parsed = parseBackup(
    readFileSync(new URL('../../../resources/samples/harbor-falls.json', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error('sample should parse');
  return parsed.backup.data;
}

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00, 0x80]);

function submitted(data = sample()): Submission {
  const evaluation = evaluate(data, { certificationYear: 2026, asOfDate: '2026-03-01' });
  return buildSubmission({
    id: 'sub-1',
    data,
    evaluation,
    round: 'spring',
    submittedOn: '2026-03-02',
    submittedBy: ' Maria Santos ',
    fileName: 'Harbor Falls 2026.pdf',
    pdf,
  });
}

describe('bytesToBase64() / base64ToBytes()', () => {
  it('encodes like Node for every length and padding, and decodes back byte for byte', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) % 256);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(text)).toEqual(bytes);
    }
  });

  it('refuses text that is not base64', () => {
    expect(() => base64ToBytes('abc')).toThrow(/multiple of 4/);
    expect(() => base64ToBytes('ab$=')).toThrow(/invalid character/);
  });
});

describe('buildSubmission()', () => {
  it('freezes the exact bytes, the evaluation it showed and the records without earlier submissions', () => {
    const data = sample();
    const s = submitted(data);
    expect(packetBytes(s)).toEqual(pdf);
    expect(s.packet.byteLength).toBe(pdf.length);
    expect(s.certificationYear).toBe(2026);
    expect(s.submittedBy).toBe('Maria Santos');
    expect(s.result).toBeNull();
    expect(s.evaluation.part1.evidence).toEqual({
      id: data.series.find((x) => x.name === 'Sustainable CT Equity Training Series 2024')!.id,
      name: 'Sustainable CT Equity Training Series 2024',
    });
    expect(s.evaluation.part2.evidence?.name).toBe('Bridging Differences: Equity in Public Service');
    expect(s.snapshot).toEqual(recordsOf(data));
    expect('submissions' in s.snapshot).toBe(false);
    expect(submissionSchema.parse(s)).toEqual(s);
  });

  it('is not reached by later edits of the live records', () => {
    const data = sample();
    const s = submitted(data);
    data.people[0]!.name = 'Changed';
    expect(s.snapshot.people[0]!.name).not.toBe('Changed');
  });

  it('keeps every reason and gap of the evaluation, rule ids as text', () => {
    const evaluation = evaluate(sample(), { certificationYear: 2029, asOfDate: '2029-03-01' });
    const frozen = freezeEvaluation(evaluation);
    expect(frozen.gaps.map((g) => g.text)).toEqual(evaluation.gaps.map((g) => g.text));
    expect(frozen.part1.reasons.map((r) => r.rule)).toEqual(evaluation.part1.reasons.map((r) => r.rule));
    expect(frozen.part2.credit).toBe(evaluation.part2.credit);
  });
});

describe('submissionSchema', () => {
  it('refuses a packet whose byte length does not match its base64 text, in plain words', () => {
    const s = submitted();
    const r = submissionSchema.safeParse({
      ...s,
      packet: { ...s.packet, byteLength: s.packet.byteLength + 1 },
    });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('the packet is incomplete');
    const bad = submissionSchema.safeParse({ ...s, packet: { ...s.packet, pdfBase64: 'not base64!' } });
    expect(bad.success).toBe(false);
  });

  it('needs a level for an award', () => {
    const s = submitted();
    const r = submissionSchema.safeParse({
      ...s,
      result: {
        awarded: true,
        level: '',
        yearAwarded: 2026,
        credited: { part1: true, part2: true },
        recordedOn: '2026-06-01',
      },
    });
    expect(r.success).toBe(false);
  });
});

describe('certificationFromResult()', () => {
  const result = {
    awarded: true,
    level: 'Silver',
    yearAwarded: 2026,
    credited: { part1: true, part2: true },
  };

  it('credits the Part 1 series and the Part 2 session the submission chose (T.3)', () => {
    const data = sample();
    const s = submitted(data);
    const { certification, dropped } = certificationFromResult(s, result, data);
    expect(dropped).toEqual([]);
    expect(certification).toEqual({
      id: certificationIdFor('sub-1'),
      yearAwarded: 2026,
      level: 'Silver',
      credited: [
        { part: 'part1', seriesId: s.evaluation.part1.evidence!.id },
        { part: 'part2', sessionId: s.evaluation.part2.evidence!.id },
      ],
    });
  });

  it('credits only the parts Sustainable CT credited, and nothing when not awarded', () => {
    const data = sample();
    const s = submitted(data);
    const one = certificationFromResult(s, { ...result, credited: { part1: false, part2: true } }, data);
    expect(one.certification?.credited.map((c) => c.part)).toEqual(['part2']);
    expect(certificationFromResult(s, { ...result, awarded: false }, data).certification).toBeNull();
  });

  it('leaves out and names evidence deleted from the live records since', () => {
    const data = sample();
    const s = submitted(data);
    const live = {
      series: data.series,
      sessions: data.sessions.filter((x) => x.id !== s.evaluation.part2.evidence!.id),
    };
    const { certification, dropped } = certificationFromResult(s, result, live);
    expect(certification?.credited.map((c) => c.part)).toEqual(['part1']);
    expect(dropped).toEqual([
      `Part 2's session of "Bridging Differences: Equity in Public Service" is no longer in your records`,
    ]);
  });
});

describe('compareWithSubmission()', () => {
  it('names the people, trainings and sessions added or removed since, and says when nothing changed', () => {
    const data = sample();
    const s = submitted(data);
    expect(compareWithSubmission(s.snapshot, recordsOf(data)).same).toBe(true);
    const live = recordsOf(data);
    const gone = live.people.shift()!;
    live.people.push({ ...gone, id: 'new-person', name: 'Ada Newcomer' });
    const removedSession = live.sessions.pop()!;
    live.trainings.push({ ...live.trainings[0]!, id: 'new-training', name: 'Equity Refresher' });
    const c = compareWithSubmission(s.snapshot, live);
    expect(c.same).toBe(false);
    expect(c.people).toEqual({ added: ['Ada Newcomer'], removed: [gone.name] });
    expect(c.trainings).toEqual({ added: ['Equity Refresher'], removed: [] });
    expect(c.sessions.added).toEqual([]);
    expect(c.sessions.removed).toHaveLength(1);
    expect(c.sessions.removed[0]).toContain(
      data.trainings.find((t) => t.id === removedSession.trainingId)!.name,
    );
  });
});

describe('whatComesNext()', () => {
  it('says what to do first when nothing was submitted', () => {
    expect(whatComesNext([], [])).toBe(
      'No submission is recorded yet: create the packet, submit it to Sustainable CT, then mark it as submitted here.',
    );
    expect(whatComesNext([], [{ id: 'c', yearAwarded: 2022, level: 'Bronze', credited: [] }])).toMatch(
      /^Certified Bronze in 2022, through December 31, 2025\. /,
    );
  });

  it('asks for the result while a submission waits for it', () => {
    expect(whatComesNext([submitted()], [])).toBe(
      'Submitted for 2026 (spring round) on March 2, 2026. Record the result here when Sustainable CT answers.',
    );
  });

  it('names the expiry and the rolling credit the credited parts must apply for (T.3)', () => {
    const s: Submission = {
      ...submitted(),
      result: {
        awarded: true,
        level: 'Silver',
        yearAwarded: 2026,
        credited: { part1: true, part2: true },
        recordedOn: '2026-06-01',
        certificationId: 'cert-sub-1',
      },
    };
    expect(whatComesNext([s], [])).toBe(
      'Certified Silver in 2026, through December 31, 2029. In 2029 the 2026 cohort (Part 1) and the 2026 training (Part 2) must apply for rolling credit (T.3): write their narratives before then.',
    );
    const one: Submission = { ...s, result: { ...s.result!, credited: { part1: true, part2: false } } };
    expect(whatComesNext([one], [])).toContain(
      'In 2029 the 2026 cohort (Part 1) must apply for rolling credit (T.3): write its narrative before then.',
    );
    const lost: Submission = { ...s, result: { ...s.result!, awarded: false, level: '' } };
    expect(whatComesNext([lost], [])).toBe(
      'Not awarded for 2026. Fill what is missing and submit again in a later round.',
    );
  });
});
