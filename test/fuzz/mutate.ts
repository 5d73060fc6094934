/** Deterministic mutations of policy text: truncations and the edits people make while typing. */

/** mulberry32: a small seeded PRNG, so a failure can be replayed */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  '"',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '*',
  '"s3:',
  '"Action": ',
  '${aws:',
  '\\',
  '\n',
  '// x\n',
  '/*',
  'null',
  'true',
  '"\u2713"',
  '\uFEFF',
  '"Condition": {"StringEquals": {',
  '0x',
  '"arn:aws:s3:::',
  ' ',
];

export function mutate(text: string, random: () => number): string {
  const pos = Math.floor(random() * (text.length + 1));
  switch (Math.floor(random() * 5)) {
    case 0:
      return text.slice(0, pos);
    case 1: {
      const len = Math.floor(random() * 20);
      return text.slice(0, pos) + text.slice(pos + len);
    }
    case 2:
      return text.slice(0, pos) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + text.slice(pos);
    case 3: {
      // duplicate a random slice somewhere else
      const start = Math.floor(random() * text.length);
      const slice = text.slice(start, start + Math.floor(random() * 60));
      return text.slice(0, pos) + slice + text.slice(pos);
    }
    default: {
      // swap two characters
      const a = text.split('');
      const j = Math.floor(random() * a.length);
      [a[pos], a[j]] = [a[j], a[pos]];
      return a.join('');
    }
  }
}
