/**
 * Run by atomic-write.test.ts in a child process, which it kills with SIGKILL part-way:
 * `node --import tsx atomic-write.child.ts <target> <megabytes>` writes that many MB of
 * `n` over <target> with the app's atomic write, after saying "writing" on stdout.
 */
import { writeFileAtomic } from '../../../electron/main/atomic-write';

const [target, megabytes] = process.argv.slice(2);
if (target === undefined || megabytes === undefined) throw new Error('usage: <target> <megabytes>');
const bytes = Buffer.alloc(Number(megabytes) * 1024 * 1024, 'n');
process.stdout.write('writing\n');
await writeFileAtomic(target, bytes);
process.stdout.write('done\n');
