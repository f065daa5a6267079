/** The last segment of a path, with either separator (source paths come from any platform). */
export function basename(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}
