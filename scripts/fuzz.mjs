// `npm run test:fuzz`: the stdio fuzz tier (test/fuzz/stdioFuzz.ts, built to out/). Seeded edits of
// JSON, YAML and Terraform documents against the real server; exit 1 when a limit is broken.
// FUZZ_EDITS (default 20000), FUZZ_SEED, FUZZ_LANGUAGES, FUZZ_HANG_MS, FUZZ_MAX_GROWTH_MB,
// FUZZ_MAX_RSS_MB, FUZZ_DEADLINE (ISO time), FUZZ_PROGRESS (edits between progress lines).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { runStdioFuzzFromEnv } = require(path.join(root, 'out', 'test', 'fuzz', 'stdioFuzz.js'));
process.exit(await runStdioFuzzFromEnv());
