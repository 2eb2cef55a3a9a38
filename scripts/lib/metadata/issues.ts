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

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** "did you mean X?" for a misspelt element or enum value, when one candidate is close enough. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** The expected-hint for a value outside a list: the likely intended one first, then the list. */
export function expectedOneOf(value: string, candidates: Iterable<string>, max = 40): string {
  const all = [...candidates];
  const guess = closest(value, all);
  return `${guess ? `${guess}? ` : ''}one of ${listSome(all, max)}`;
}
