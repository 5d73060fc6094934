/** The language of a file the access features read from disk, by its name (as the CLI decides it). */
const EXTENSIONS: Record<string, string> = {
  json: 'json',
  jsonc: 'jsonc',
  yaml: 'yaml',
  yml: 'yaml',
  template: 'yaml',
  tf: 'terraform',
  tofu: 'terraform',
};

export function languageOfPath(file: string): string | undefined {
  const name = file.replace(/^.*[\\/]/, '').toLowerCase();
  if (name.endsWith('.tf.json') || name.endsWith('.tofu.json')) {
    return 'json';
  }
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[name.slice(dot + 1)];
}
