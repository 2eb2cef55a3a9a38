// One problem found in a metadata file. `file` is relative to the validated root so messages read the same
// on every machine and tests can compare them.
export type MetadataIssue = {
  file: string;
  line: number;
  message: string;
  /** What the Metadata API (or the deploy rule) expects instead, shown in parentheses. */
  expected?: string;
};

export function formatIssue(issue: MetadataIssue): string {
  const expected = issue.expected ? ` (expected ${issue.expected})` : '';
  return `${issue.file}:${issue.line}: ${issue.message}${expected}`;
}

export function sortIssues(issues: MetadataIssue[]): MetadataIssue[] {
  return [...issues].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message)
  );
}

/** Lists at most `max` items so an "expected" hint stays readable for enums with hundreds of values. */
export function listSome(values: Iterable<string>, max = 12): string {
  const all = [...values];
  const shown = all.slice(0, max).join(', ');
  return all.length > max ? `${shown}, … ${all.length - max} more` : shown;
}
