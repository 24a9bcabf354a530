/**
 * Packet figures: the evidence packet PDF in Node, by the CLI's own path
 * (`ledger packet`: evaluate, buildPacketDocument, renderPdf from electron/cli/pdf-node.ts),
 * minus writing the file. The first run also loads pdfmake and its fonts: it is a warm-up.
 */
import { renderPdf } from '../electron/cli/pdf-node';
import type { TownData } from '../shared/domain/schema';
import { buildPacketDocument } from '../shared/packet/packet';
import { evaluate } from '../shared/rules/engine';
import { SYNTHETIC_AS_OF, SYNTHETIC_YEAR } from '../tests/fixtures/synthetic-towns';
import { figure, time } from './stats';
import type { Figure } from './stats';

async function packetPdf(data: TownData): Promise<{ bytes: number; cohort: number; attendees: number }> {
  const evaluation = evaluate(data, { certificationYear: SYNTHETIC_YEAR, asOfDate: SYNTHETIC_AS_OF });
  const doc = buildPacketDocument(data, evaluation, { generatedOn: SYNTHETIC_AS_OF, appVersion: 'bench' });
  const pdf = await renderPdf(doc);
  return {
    bytes: pdf.length,
    cohort: evaluation.part1.evidence?.cohort.length ?? 0,
    attendees: evaluation.part2.evidence?.attendees.length ?? 0,
  };
}

export async function packetFigures(towns: { small: TownData; large: TownData }): Promise<Figure[]> {
  const describe = async (data: TownData): Promise<string> => {
    const r = await packetPdf(data);
    return `${r.cohort} cohort members and ${r.attendees} Part 2 attendees listed; ${Math.round(r.bytes / 1024)} KB PDF`;
  };
  const smallNote = await describe(towns.small);
  const small = await time(() => packetPdf(towns.small), { warmup: 2, runs: 9 });
  const largeNote = await describe(towns.large);
  const large = await time(() => packetPdf(towns.large), { warmup: 1, runs: 5 });
  return [
    figure('packet.small', 'packet PDF, small town', 'ms', small, 700, smallNote),
    figure('packet.large', 'packet PDF, 1,000 attendees', 'ms', large, 5000, largeNote),
  ];
}
