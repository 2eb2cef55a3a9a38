/**
 * Custom filter logic such as `1 AND (2 OR NOT 3)`, with Salesforce's own rules for list-view filter logic:
 * numbers refer to conditions (1-based), every condition is used, and AND and OR never mix without
 * parentheses (so no one has to remember precedence). The runner compiles the tree to SOQL; the Setup tab and
 * the Apex validator report the same messages.
 */

export type FilterLogicNode =
  | { kind: 'condition'; index: number }
  | { kind: 'not'; operand: FilterLogicNode }
  | { kind: 'and' | 'or'; operands: FilterLogicNode[] };

export type FilterLogicResult = { ok: true; tree: FilterLogicNode } | { ok: false; message: string };

/** Characters and words a custom expression may contain (the JSON Schema checks this much). */
export const FILTER_LOGIC_PATTERN = /^(?:\s*(?:AND|OR|NOT|[0-9]+|\(|\)))+\s*$/;
export const MAX_FILTER_LOGIC_LENGTH = 500;

const TOKEN = /\s*(AND|OR|NOT|[0-9]+|\(|\)|\S+)/gy;

class LogicError extends Error {}

function tokenize(expression: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(expression)) !== null) tokens.push(match[1]);
  return tokens;
}

class Parser {
  private position = 0;
  constructor(
    private readonly tokens: string[],
    private readonly conditionCount: number
  ) {}

  parseAll(): FilterLogicNode {
    if (this.tokens.length === 0) throw new LogicError('Filter logic is empty; write e.g. "1 AND (2 OR 3)".');
    const tree = this.parseExpression();
    if (this.position < this.tokens.length) {
      const token = this.tokens[this.position];
      throw new LogicError(
        token === ')'
          ? 'Filter logic has a ")" without a matching "(".'
          : `Unexpected "${token}" in filter logic.`
      );
    }
    return tree;
  }

  private parseExpression(): FilterLogicNode {
    const first = this.parseTerm();
    const joiner = this.peek();
    if (joiner !== 'AND' && joiner !== 'OR') return first;
    const operands = [first];
    while (this.peek() === 'AND' || this.peek() === 'OR') {
      const next = this.tokens[this.position++];
      if (next !== joiner) {
        throw new LogicError('Use parentheses when mixing AND and OR, e.g. "1 AND (2 OR 3)".');
      }
      operands.push(this.parseTerm());
    }
    return { kind: joiner === 'AND' ? 'and' : 'or', operands };
  }

  private parseTerm(): FilterLogicNode {
    const token = this.tokens[this.position++];
    if (token === undefined)
      throw new LogicError('Filter logic ends too early; a condition number is missing.');
    if (token === 'NOT') return { kind: 'not', operand: this.parseTerm() };
    if (token === '(') {
      const inner = this.parseExpression();
      if (this.tokens[this.position++] !== ')')
        throw new LogicError('Filter logic has a "(" that is never closed.');
      return inner;
    }
    if (/^[0-9]+$/.test(token)) {
      const index = Number(token);
      if (index < 1 || index > this.conditionCount) {
        throw new LogicError(
          `Filter logic refers to condition ${token}, but there ${this.conditionCount === 1 ? 'is' : 'are'} only ` +
            `${this.conditionCount} condition${this.conditionCount === 1 ? '' : 's'}.`
        );
      }
      return { kind: 'condition', index };
    }
    throw new LogicError(
      `Unexpected "${token}" in filter logic; use condition numbers, AND, OR, NOT and ( ).`
    );
  }

  private peek(): string | undefined {
    return this.tokens[this.position];
  }
}

function usedConditions(node: FilterLogicNode, into: Set<number>): Set<number> {
  if (node.kind === 'condition') into.add(node.index);
  else if (node.kind === 'not') usedConditions(node.operand, into);
  else node.operands.forEach((operand) => usedConditions(operand, into));
  return into;
}

/** Parses a custom expression for a filter with `conditionCount` conditions. */
export function parseCustomFilterLogic(expression: string, conditionCount: number): FilterLogicResult {
  try {
    const tree = new Parser(tokenize(expression), conditionCount).parseAll();
    const used = usedConditions(tree, new Set());
    for (let index = 1; index <= conditionCount; index++) {
      if (!used.has(index)) {
        return {
          ok: false,
          message: `Condition ${index} is not used in the filter logic; use it or remove it.`
        };
      }
    }
    return { ok: true, tree };
  } catch (error) {
    if (error instanceof LogicError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * The tree for any filter logic: "all" and "any" join every condition; no conditions means no tree (everyone
 * the base filter lets through).
 */
export function filterLogicTree(
  logic: string,
  conditionCount: number
): FilterLogicResult | { ok: true; tree: null } {
  if (logic === 'all' || logic === 'any') {
    if (conditionCount === 0) return { ok: true, tree: null };
    const operands: FilterLogicNode[] = Array.from({ length: conditionCount }, (_, i) => ({
      kind: 'condition',
      index: i + 1
    }));
    if (operands.length === 1) return { ok: true, tree: operands[0] };
    return { ok: true, tree: { kind: logic === 'all' ? 'and' : 'or', operands } };
  }
  return parseCustomFilterLogic(logic, conditionCount);
}
