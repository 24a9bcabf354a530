/** Warnings about the whole action (e.g. one training used for both parts), above the parts so they are not missed. */
import type { Reason } from '../../../../shared/rules/evaluation';
import { ReasonList } from './Reasons';

export function Warnings({ warnings }: { warnings: Reason[] }) {
  if (warnings.length === 0) return null;
  return (
    <section className="notice notice-warning elig-warnings" aria-labelledby="elig-warnings-title">
      <h2 id="elig-warnings-title">Warnings for the whole action</h2>
      <ReasonList reasons={warnings} />
    </section>
  );
}
