// Rewrites the README's table of CloudFormation properties and Terraform arguments read as policies
// from the compiled readers (run `npx tsc -b` first); embedded/table.test.ts fails while it is stale.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { withEmbeddedTable } = require(path.join(root, 'out', 'server', 'src', 'embedded', 'table.js'));
const file = path.join(root, 'README.md');
const before = fs.readFileSync(file, 'utf8');
const after = withEmbeddedTable(before);
if (after !== before) {
  fs.writeFileSync(file, after);
  console.log('README.md: table updated');
} else {
  console.log('README.md: table up to date');
}
