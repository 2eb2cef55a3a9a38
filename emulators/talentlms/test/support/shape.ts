import assert from 'node:assert/strict';

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Keys that one PDF sample prints as text and another as null (`bio` in S1 vs S2, S4's custom fields). */
const NULLABLE = new Set(['bio', 'dropdown_values', 'branch', 'main_domain_availability', 'previous_key']);

/**
 * Asserts that `actual` has every key of the documented sample with the same JSON type (a sample `null`
 * accepts null or a string, as PDF samples show null for optional text). Arrays compare their first items.
 */
export function assertShape(actual: unknown, sample: unknown, path = '$'): void {
  const expected = kind(sample);
  const got = kind(actual);
  const key = path.slice(path.lastIndexOf('.') + 1);
  if (expected === 'null' || (NULLABLE.has(key) && got === 'null')) {
    assert.ok(got === 'null' || got === 'string', `${path}: expected null or string, got ${got}`);
    return;
  }
  assert.equal(got, expected, `${path}: expected ${expected}, got ${got} (${JSON.stringify(actual)})`);
  if (expected === 'array') {
    const [first] = sample as unknown[];
    const [mine] = actual as unknown[];
    if (first !== undefined && mine !== undefined) assertShape(mine, first, `${path}[0]`);
    return;
  }
  if (expected === 'object') {
    const record = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(sample as Record<string, unknown>)) {
      assert.ok(key in record, `${path}.${key} is missing`);
      assertShape(record[key], value, `${path}.${key}`);
    }
  }
}
