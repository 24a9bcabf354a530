/**
 * "What comes next", in words, from the town's submissions and certifications:
 * the sentence the History screen and `ledger history` lead with.
 */
import { certificationRoundLabels } from '../domain/labels';
import { formatDate } from '../domain/dates';
import type { Certification, Submission } from '../domain/schema';

/** Submissions newest first: by certification year, then the day submitted, then id. */
export function newestFirst(submissions: readonly Submission[]): Submission[] {
  return [...submissions].sort(
    (a, b) =>
      b.certificationYear - a.certificationYear ||
      (a.submittedOn < b.submittedOn ? 1 : a.submittedOn > b.submittedOn ? -1 : 0) ||
      (a.id < b.id ? 1 : -1),
  );
}

/** A certification awarded in Y holds through 31 December of Y + 3 (see `certificationSchema`). */
export const expiresIn = (yearAwarded: number): number => yearAwarded + 3;

/** A submission's status in a few words: "Submitted", "Awarded Silver", "Not awarded". */
export function submissionStatus(s: Submission): string {
  if (s.result === null) return 'Submitted, waiting for the result';
  if (!s.result.awarded) return 'Not awarded';
  return `Awarded ${s.result.level}`;
}

function creditedParts(s: Submission): string[] {
  if (!s.result?.awarded) return [];
  return [
    ...(s.result.credited.part1 ? [`the ${s.result.yearAwarded} cohort (Part 1)`] : []),
    ...(s.result.credited.part2 ? [`the ${s.result.yearAwarded} training (Part 2)`] : []),
  ];
}

/**
 * The next step in one or two sentences, e.g. "Certified Silver in 2026, through
 * December 31, 2029. In 2029 the 2026 cohort (Part 1) and the 2026 training
 * (Part 2) must apply for rolling credit (T.3): write their narratives before then."
 */
export function whatComesNext(
  submissions: readonly Submission[],
  certifications: readonly Certification[],
): string {
  const last = newestFirst(submissions)[0];
  if (last === undefined) {
    const cert = [...certifications].sort((a, b) => b.yearAwarded - a.yearAwarded)[0];
    const held = cert
      ? `Certified ${cert.level} in ${cert.yearAwarded}, through December 31, ${expiresIn(cert.yearAwarded)}. `
      : '';
    return `${held}No submission is recorded yet: create the packet, submit it to Sustainable CT, then mark it as submitted here.`;
  }
  const round = certificationRoundLabels[last.round].toLowerCase();
  if (last.result === null) {
    return `Submitted for ${last.certificationYear} (${round}) on ${formatDate(last.submittedOn)}. Record the result here when Sustainable CT answers.`;
  }
  if (!last.result.awarded) {
    return `Not awarded for ${last.certificationYear}. Fill what is missing and submit again in a later round.`;
  }
  const r = last.result;
  const through = expiresIn(r.yearAwarded);
  const parts = creditedParts(last);
  const held = `Certified ${r.level} in ${r.yearAwarded}, through December 31, ${through}.`;
  if (parts.length === 0) return `${held} No part of this action was credited: claim it in ${through}.`;
  const who = parts.join(' and ');
  const their = parts.length === 1 ? 'its narrative' : 'their narratives';
  return `${held} In ${through} ${who} must apply for rolling credit (T.3): write ${their} before then.`;
}
