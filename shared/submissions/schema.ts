/**
 * A submission: what the town handed in to Sustainable CT for one certification
 * year and round, frozen at the moment it was marked as submitted — the exact
 * packet PDF, what the evaluation said, and the records it was computed from —
 * plus, later, the result Sustainable CT gave.
 *
 * Why a factory taking the records schema: the snapshot is the town's records
 * (`townRecordsSchema` in `shared/domain/schema.ts`), and that file in turn lists
 * `submissions` in the town's data. Importing each other at run time would be a
 * module cycle, so this file imports only types from there and is handed the
 * records schema.
 */
import { z } from 'zod';

// Same rules as `idSchema` / `isoDateSchema` in shared/domain/schema.ts (not imported: see above).
const id = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const isoDate = z.iso.date({ error: 'must be a calendar date written YYYY-MM-DD' });
const year = z.number().int().min(2000).max(2200);
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

export const certificationRoundSchema = z.enum(['spring', 'fall']);
export type CertificationRound = z.infer<typeof certificationRoundSchema>;

/** A reason as the evaluation gave it then; the rule id is kept as text (rule books change). */
export const frozenReasonSchema = z.object({
  rule: text(20),
  kind: z.enum(['ok', 'problem', 'review', 'warning', 'info']),
  text: text(5000),
});

export const frozenGapSchema = z.object({
  part: z.enum(['part1', 'part2', 'general']),
  rule: text(20),
  text: text(5000),
});

/** One part of the evaluation, as it was: status, points, credit, the evidence chosen, reasons and gaps. */
export const frozenPartSchema = z.object({
  status: z.enum(['met', 'review', 'notMet', 'planned']),
  points: z.number().min(0).max(1000),
  maxPoints: z.number().min(0).max(1000),
  credit: z.enum(['new', 'rolling']).nullable(),
  completionDate: isoDate.nullable(),
  /** Part 1: the series; Part 2: the session (its training's name). What a credit would cover (T.3). */
  evidence: z.object({ id, name: text(500) }).nullable(),
  reasons: z.array(frozenReasonSchema).max(1000),
  gaps: z.array(frozenGapSchema).max(1000),
});
export type FrozenPart = z.infer<typeof frozenPartSchema>;

/** The evaluation the packet showed when it was submitted. */
export const frozenEvaluationSchema = z.object({
  certificationYear: year,
  asOfDate: isoDate,
  newCreditFrom: isoDate,
  totalPoints: z.number().min(0).max(1000),
  maxPoints: z.number().min(0).max(1000),
  part1: frozenPartSchema,
  part2: frozenPartSchema,
  gaps: z.array(frozenGapSchema).max(2000),
  warnings: z.array(frozenReasonSchema).max(1000),
});
export type FrozenEvaluation = z.infer<typeof frozenEvaluationSchema>;

/** What Sustainable CT answered. */
export const submissionResultSchema = z
  .object({
    awarded: z.boolean(),
    /** The level awarded (a level name from the settings), '' when not awarded. */
    level: text(100).default(''),
    yearAwarded: year,
    /** Whether each part was credited (only meaningful when awarded). */
    credited: z.object({ part1: z.boolean(), part2: z.boolean() }),
    recordedOn: isoDate,
    /** The certification record this result created or updated; null when not awarded. */
    certificationId: id.nullable().default(null),
  })
  .superRefine((r, ctx) => {
    if (r.awarded && r.level.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['level'], message: 'an award needs its level' });
    }
  });
export type SubmissionResult = z.infer<typeof submissionResultSchema>;

/** The packet exactly as submitted. */
export const frozenPacketSchema = z.object({
  fileName: text(300),
  /** The PDF's bytes, standard base64; decoded, they are the file that was uploaded, byte for byte. */
  pdfBase64: z.base64({ error: 'must be the PDF file in base64' }).max(200_000_000),
  byteLength: z.number().int().min(1).max(150_000_000),
});

/** A submission schema whose snapshot is validated by `records`. */
export function submissionSchemaOf<R extends z.ZodType>(records: R) {
  return z
    .object({
      id,
      certificationYear: year,
      round: certificationRoundSchema,
      submittedOn: isoDate,
      submittedBy: text(200).default(''),
      packet: frozenPacketSchema,
      evaluation: frozenEvaluationSchema,
      /** The town's records the evaluation and the packet were computed from. */
      snapshot: records,
      result: submissionResultSchema.nullable().default(null),
    })
    .superRefine((s, ctx) => {
      // Three base64 characters per 4 bytes minus padding: a cheap check the text is the whole file.
      const pad = s.packet.pdfBase64.endsWith('==') ? 2 : s.packet.pdfBase64.endsWith('=') ? 1 : 0;
      if ((s.packet.pdfBase64.length / 4) * 3 - pad !== s.packet.byteLength) {
        ctx.addIssue({
          code: 'custom',
          path: ['packet', 'byteLength'],
          message: 'does not match the length of the PDF in pdfBase64: the packet is incomplete',
        });
      }
    });
}
