/**
 * zod's one global setting, imported FIRST by every module graph that builds a
 * schema (shared/domain/schema.ts, the renderer's entry, the restore worker).
 *
 * WHY first: zod decides when each object schema is constructed whether to
 * compile a fast parser with `new Function`, probing once if eval is allowed.
 * Under the app's CSP (no 'unsafe-eval') that probe is refused and reported as a
 * `securitypolicyviolation`, even though zod swallows the error. `jitless` skips
 * the probe; it must be set before the first `z.object(...)` runs.
 */
import { z } from 'zod';

z.config({ jitless: true });
