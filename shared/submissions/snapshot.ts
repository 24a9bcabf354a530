/**
 * Freezing a submission and turning Sustainable CT's answer into the town's
 * certification record. Pure: the repositories store what these return.
 */
import type { Certification, CreditedEvidence, Submission, TownData, TownRecords } from '../domain/schema';
import type { Evaluation, Part1Evaluation, Part2Evaluation, ReadinessGap, Reason } from '../rules/evaluation';
import { base64ToBytes, bytesToBase64 } from './base64';
import type { CertificationRound, FrozenEvaluation, FrozenPart, SubmissionResult } from './schema';

const reason = (r: Reason) => ({ rule: r.rule, kind: r.kind, text: r.text });
const gap = (g: ReadinessGap) => ({ part: g.part, rule: g.rule, text: g.text });

function freezePart(p: Part1Evaluation | Part2Evaluation): FrozenPart {
  const evidence =
    p.id === 'part1'
      ? p.evidence && { id: p.evidence.seriesId, name: p.evidence.seriesName }
      : p.evidence && { id: p.evidence.sessionId, name: p.evidence.trainingName };
  return {
    status: p.status,
    points: p.points,
    maxPoints: p.maxPoints,
    credit: p.credit,
    completionDate: p.completionDate,
    evidence,
    reasons: p.reasons.map(reason),
    gaps: p.gaps.map(gap),
  };
}

/** What the evaluation said, kept in the submission whatever later releases of the rules say. */
export function freezeEvaluation(ev: Evaluation): FrozenEvaluation {
  return {
    certificationYear: ev.certificationYear,
    asOfDate: ev.asOfDate,
    newCreditFrom: ev.newCreditFrom,
    totalPoints: ev.totalPoints,
    maxPoints: ev.maxPoints,
    part1: freezePart(ev.part1),
    part2: freezePart(ev.part2),
    gaps: ev.gaps.map(gap),
    warnings: ev.warnings.map(reason),
  };
}

/** The town's records without its submissions: a submission never holds the ones before it. */
export function recordsOf(data: TownData): TownRecords {
  const { submissions: _omitted, ...records } = data;
  // A deep copy through JSON (shared/ has no structuredClone): the records are plain JSON data,
  // and a later edit of the live records must never reach into a frozen snapshot.
  return JSON.parse(JSON.stringify(records)) as TownRecords;
}

export interface NewSubmission {
  id: string;
  /** The records the packet and the evaluation were computed from. */
  data: TownData;
  evaluation: Evaluation;
  round: CertificationRound;
  submittedOn: string;
  submittedBy: string;
  fileName: string;
  /** The packet file exactly as it was saved (and uploaded). */
  pdf: Uint8Array;
}

/** A new submission: the bytes, the evaluation and the records, frozen; no result yet. */
export function buildSubmission(input: NewSubmission): Submission {
  return {
    id: input.id,
    certificationYear: input.evaluation.certificationYear,
    round: input.round,
    submittedOn: input.submittedOn,
    submittedBy: input.submittedBy.trim(),
    packet: {
      fileName: input.fileName,
      pdfBase64: bytesToBase64(input.pdf),
      byteLength: input.pdf.length,
    },
    evaluation: freezeEvaluation(input.evaluation),
    snapshot: recordsOf(input.data),
    result: null,
  };
}

/** The frozen packet's bytes, exactly as submitted. */
export function packetBytes(submission: Submission): Uint8Array {
  return base64ToBytes(submission.packet.pdfBase64);
}

/** The certification record a result creates, one per submission (so recording again updates it). */
export const certificationIdFor = (submissionId: string): string => `cert-${submissionId}`;

export interface CertificationUpdate {
  /** The record to write, or null when nothing was awarded. */
  certification: Certification | null;
  /** Credited evidence the live records no longer hold (deleted since): not carried over, said in words. */
  dropped: string[];
}

/**
 * The certification record for an award: the level and year, and as credited
 * evidence (T.3) the Part 1 series and the Part 2 session the submission's
 * evaluation chose, for each part Sustainable CT credited. Evidence deleted from
 * the live records since is left out (a certification may only point at records
 * that exist) and named in `dropped`.
 */
export function certificationFromResult(
  submission: Submission,
  result: Pick<SubmissionResult, 'awarded' | 'level' | 'yearAwarded' | 'credited'>,
  live: Pick<TownRecords, 'series' | 'sessions'>,
): CertificationUpdate {
  if (!result.awarded) return { certification: null, dropped: [] };
  const credited: CreditedEvidence[] = [];
  const dropped: string[] = [];
  const p1 = submission.evaluation.part1.evidence;
  if (result.credited.part1 && p1) {
    if (live.series.some((s) => s.id === p1.id)) credited.push({ part: 'part1', seriesId: p1.id });
    else dropped.push(`Part 1's series "${p1.name}" is no longer in your records`);
  }
  const p2 = submission.evaluation.part2.evidence;
  if (result.credited.part2 && p2) {
    if (live.sessions.some((s) => s.id === p2.id)) credited.push({ part: 'part2', sessionId: p2.id });
    else dropped.push(`Part 2's session of "${p2.name}" is no longer in your records`);
  }
  return {
    certification: {
      id: certificationIdFor(submission.id),
      yearAwarded: result.yearAwarded,
      level: result.level.trim(),
      credited,
    },
    dropped,
  };
}
