// Shared by the bench's sections: the result table and the small statistics helpers.
export const rows = [];

/** Prints one row of the table and keeps it (area, what was measured, the figure, the goal). */
export function record(area, what, value, target = '') {
  rows.push({ area, what, value, target });
  console.log(`  ${area.padEnd(16)} ${what.padEnd(62)} ${String(value).padStart(12)}  ${target}`);
}

export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

export const ms = (n) => (n === undefined ? 'n/a' : `${n.toFixed(2)} ms`);
export const kb = (n) =>
  n === undefined ? 'n/a' : n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`;
/** ours / theirs as "1.23×" (n/a when either is missing or zero). */
export const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);

export async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
