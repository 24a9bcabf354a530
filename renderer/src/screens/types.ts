import type { TownData } from '../../../shared/domain/schema';
import type { Evaluation } from '../../../shared/rules/evaluation';
import type { AppDB } from '../../db/schema';

/**
 * What every screen receives from the app shell: the town's stored data (one live query),
 * the rules engine's evaluation of it (computed once per change in the shell), and the
 * database the screen's repository calls write to. Screens never decide a rule themselves.
 */
export interface ScreenProps {
  data: TownData;
  evaluation: Evaluation;
  db: AppDB;
}
