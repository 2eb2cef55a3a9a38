import type { Condition, Query, ValueQueryCondition, WhereClause } from '@jetstreamapp/soql-parser-js';
import { malformed } from '../errors';
import { isLongText, type ObjectDef, type Schema } from '../schema';
import type { SObjectRecord, Store } from '../store';
import { compare, equalsAny, likeToRegExp, plain, TEXT_TYPES, toLiteral } from './literals';
import { invalidField, readPath, resolvePath, type Access, type FieldPath } from './paths';

/** Everything a predicate needs at run time. */
export interface Runtime {
  store: Store;
  /** Semi-join results, computed once per query execution. */
  semiJoins: Map<unknown, Set<string>>;
}

export type Predicate = (record: SObjectRecord, rt: Runtime) => boolean;

export interface WhereContext {
  schema: Schema;
  access: Access;
  object: ObjectDef;
  soql: string;
  now: number;
  /** Compiles a semi-join subquery into a function returning the selected id values. */
  compileSemiJoin: (query: Query) => (rt: Runtime) => Set<string>;
}

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { condition: Condition | ValueQueryCondition };

function hasCondition(left: unknown): left is Condition & { openParen?: number; closeParen?: number } {
  return !!left && typeof left === 'object' && ('field' in left || 'fn' in left || 'valueQuery' in left);
}

/**
 * The parser returns WHERE as a right-leaning chain with parenthesis counters on each condition; this turns
 * it back into the token sequence that was written, so precedence can be parsed properly.
 */
function tokenize(where: WhereClause | undefined, out: Token[] = []): Token[] {
  if (!where) return out;
  const node = where as { left: unknown; operator?: string; right?: WhereClause };
  if (!hasCondition(node.left)) {
    const opens = (node.left as { openParen?: number } | null)?.openParen ?? 0;
    for (let i = 0; i < opens; i += 1) out.push('(');
    if (node.operator !== 'NOT') throw malformed('unexpected token in WHERE clause');
    out.push('NOT');
    return tokenize(node.right, out);
  }
  const condition = node.left as Condition & { openParen?: number; closeParen?: number };
  for (let i = 0; i < (condition.openParen ?? 0); i += 1) out.push('(');
  out.push({ condition });
  for (let i = 0; i < (condition.closeParen ?? 0); i += 1) out.push(')');
  if (node.operator) {
    if (node.operator !== 'AND' && node.operator !== 'OR')
      throw malformed(`unexpected token: ${node.operator}`);
    out.push(node.operator);
    tokenize(node.right, out);
  }
  return out;
}

export function compileWhere(where: WhereClause, ctx: WhereContext): Predicate {
  const tokens = tokenize(where);
  let pos = 0;
  const peek = () => tokens[pos];

  function expression(): Predicate {
    const parts = [term()];
    let joiner: 'AND' | 'OR' | undefined;
    while (peek() === 'AND' || peek() === 'OR') {
      const op = tokens[pos++] as 'AND' | 'OR';
      // SOQL refuses `a AND b OR c`: mixing operators needs parentheses.
      if (joiner && joiner !== op) throw malformed(`unexpected token: '${op}'`);
      joiner = op;
      parts.push(term());
    }
    if (parts.length === 1) return parts[0];
    return joiner === 'AND'
      ? (r, rt) => parts.every((p) => p(r, rt))
      : (r, rt) => parts.some((p) => p(r, rt));
  }

  function term(): Predicate {
    const token = tokens[pos++];
    if (token === 'NOT') {
      const inner = term();
      return (r, rt) => !inner(r, rt);
    }
    if (token === '(') {
      const inner = expression();
      if (tokens[pos++] !== ')') throw malformed('unbalanced parentheses in WHERE clause');
      return inner;
    }
    if (token && typeof token === 'object') return compileCondition(token.condition, ctx);
    throw malformed('unexpected token in WHERE clause');
  }

  const predicate = expression();
  if (pos !== tokens.length) throw malformed('unbalanced parentheses in WHERE clause');
  return predicate;
}

function compileCondition(condition: Condition | ValueQueryCondition, ctx: WhereContext): Predicate {
  if ('fn' in condition) throw malformed('Functions in WHERE are not supported by the emulator');
  if (!('field' in condition)) throw malformed('unexpected token in WHERE clause');
  const path: FieldPath = resolvePath(ctx.schema, ctx.access, ctx.object, condition.field, ctx.soql);
  const field = path.field;
  if (isLongText(field)) {
    throw invalidField(
      ctx.soql,
      condition.field,
      `field '${field.name}' can not be filtered in a query call`
    );
  }
  const op = condition.operator.toUpperCase();
  if ('valueQuery' in condition && condition.valueQuery) {
    if (op !== 'IN' && op !== 'NOT IN') throw malformed('A semi-join subquery needs IN or NOT IN');
    if (field.type !== 'id' && field.type !== 'reference') {
      throw malformed(`Semi-join on ${field.name} is not supported: the field must be an Id or a reference`);
    }
    const key = condition;
    const run = ctx.compileSemiJoin(condition.valueQuery);
    return (record, rt) => {
      let ids = rt.semiJoins.get(key);
      if (!ids) {
        ids = run(rt);
        rt.semiJoins.set(key, ids);
      }
      const value = readPath(rt.store, record, path);
      const inSet = typeof value === 'string' && ids.has(value);
      return op === 'IN' ? inSet : !inSet;
    };
  }
  const c = condition as Condition & {
    value: string | string[];
    literalType?: string | string[];
    dateLiteralVariable?: number | number[];
  };
  const rawValues = Array.isArray(c.value) ? c.value : [c.value];
  const types = Array.isArray(c.literalType) ? c.literalType : rawValues.map(() => c.literalType ?? 'STRING');
  const dateNs = Array.isArray(c.dateLiteralVariable)
    ? c.dateLiteralVariable
    : rawValues.map(() => c.dateLiteralVariable as number | undefined);
  const literals = rawValues.map((raw, i) =>
    toLiteral(field, String(types[i] ?? types[0]), raw, dateNs[i], ctx.now)
  );

  switch (op) {
    case '=':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (literals.length !== 1) throw malformed(`unexpected list for operator ${op}`);
      if (field.type === 'boolean' && op !== '=' && op !== '!=')
        throw malformed(`invalid operator on boolean field ${field.name}`);
      if (field.type === 'multipicklist' && op !== '=' && op !== '!=')
        throw malformed(`invalid operator on multipicklist field ${field.name}`);
      const literal = literals[0];
      return (record, rt) => compare(field, readPath(rt.store, record, path), op, literal);
    }
    case 'IN':
    case 'NOT IN':
      const matches = equalsAny(field, literals);
      return (record, rt) => {
        const value = readPath(rt.store, record, path);
        const hit = matches ? matches(value) : literals.some((l) => compare(field, value, '=', l));
        return op === 'IN' ? hit : !hit;
      };
    case 'LIKE': {
      if (!TEXT_TYPES.includes(field.type) || field.type === 'multipicklist')
        throw malformed(`invalid operator on field ${field.name}: LIKE`);
      const literal = literals[0];
      if (literal.kind !== 'value' || typeof literal.value !== 'string')
        throw malformed('LIKE needs a string');
      const regex = likeToRegExp(literal.value);
      return (record, rt) => {
        const value = readPath(rt.store, record, path);
        return typeof value === 'string' && regex.test(value);
      };
    }
    case 'INCLUDES':
    case 'EXCLUDES': {
      if (field.type !== 'multipicklist')
        throw malformed(`${op} is only valid on multi-select picklists (${field.name})`);
      const wanted = literals.map((l) =>
        l.kind === 'value' ? plain(String(l.value)).toLowerCase().split(';') : []
      );
      return (record, rt) => {
        const value = readPath(rt.store, record, path);
        const have = new Set(typeof value === 'string' ? value.toLowerCase().split(';') : []);
        const hit = wanted.some((all) => all.every((v) => have.has(v)));
        return op === 'INCLUDES' ? hit : !hit;
      };
    }
  }
  throw malformed(`unexpected operator ${condition.operator}`);
}
