/** Glob matching of document URIs against settings globs such as `**\/*.policy.json`. */
import picomatch from 'picomatch';

const matchers = new Map<string, (path: string) => boolean>();

/** The path part of a URI, with forward slashes (file:///c%3A/x.json -> /c:/x.json). */
export function uriPath(uri: string): string {
  try {
    const url = new URL(uri);
    return decodeURIComponent(url.pathname);
  } catch {
    return uri;
  }
}

export function matchesGlob(uri: string, glob: string): boolean {
  let matcher = matchers.get(glob);
  if (!matcher) {
    // a glob without a slash matches the file name anywhere, as in VS Code's files.associations
    const pattern = glob.includes('/') ? glob : `**/${glob}`;
    matcher = picomatch(pattern, { dot: true, nocase: process.platform === 'win32' });
    matchers.set(glob, matcher);
  }
  return matcher(uriPath(uri));
}

export function matchesAnyGlob(uri: string, globs: readonly string[]): boolean {
  return globs.some((g) => matchesGlob(uri, g));
}
