/**
 * No import cycles in server/src (type-only imports count: a type cycle still ties two files'
 * changes together). Imports are read from the sources and resolved like TypeScript resolves
 * relative paths.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { suite, test } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');
const src = path.join(root, 'server', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const file = path.join(dir, d.name);
    if (d.isDirectory()) {
      return sources(file);
    }
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') && !d.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** The files a source imports (relative imports and re-exports, type-only included). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)) {
    const spec = m[1] ?? m[2];
    const base = path.resolve(path.dirname(file), spec);
    const resolved = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => existsSync(f));
    if (resolved) {
      out.push(resolved);
    }
  }
  return out;
}

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) {
        found.push(component.sort());
      }
    }
  };
  for (const v of graph.keys()) {
    if (!indices.has(v)) {
      visit(v);
    }
  }
  return found;
}

suite('import cycles', () => {
  test('the cycle finder finds a planted cycle', () => {
    const planted = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepEqual(cycles(planted), [['a', 'b', 'c']]);
  });

  test('server/src has none', () => {
    const graph = new Map(sources(src).map((f) => [f, importsOf(f)]));
    assert.ok(graph.size > 100, `read ${graph.size} files`);
    assert.ok(
      [...graph.values()].some((targets) => targets.length > 0),
      'no imports were read',
    );
    const found = cycles(graph).map((c) => c.map((f) => path.relative(src, f)).join(' <-> '));
    assert.deepEqual(found, []);
  });
});
