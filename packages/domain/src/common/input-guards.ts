import { z } from 'zod';

/**
 * What both engines store: PostgreSQL's `integer` (serial ids, versions,
 * years, counts) is 32-bit and refuses anything wider with an error, where
 * SQLite would take it. An integer schema without its own maximum is held to
 * this range; one with an explicit maximum (money in bigint columns) keeps it.
 */
export const dbIntMin = -2_147_483_648;
export const dbIntMax = 2_147_483_647;

/** A path into a request's params, query or body, as zod writes it. */
export type InputPath = (string | number)[];

export interface InputIssue {
  path: InputPath;
  code: 'nul_byte' | 'too_big' | 'too_small';
}

/**
 * Every string (and object key) holding U+0000. PostgreSQL text cannot hold
 * it, and SQLite would store a value that could never move to PostgreSQL, so
 * it is refused in every text field, naming the field.
 */
export function nulBytePaths(value: unknown): InputPath[] {
  // A loop, not recursion: a body of 5,000 nested arrays must be a 400, not a stack overflow.
  const found: InputPath[] = [];
  const stack: [unknown, InputPath][] = [[value, []]];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) found.push(path);
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], [...path, i]]);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item).reverse()) {
        if (key.includes('\u0000')) found.push([...path, key]);
        else stack.push([child, [...path, key]]);
      }
    }
  }
  return found;
}

function intBoundIssue(schema: z.ZodNumber, value: unknown, path: InputPath): InputIssue[] {
  if (typeof value !== 'number' || !schema.isInt) return [];
  // zod's .int() alone means "safe integer"; only an explicit bound says the column is wider.
  const max = schema.maxValue === Number.MAX_SAFE_INTEGER ? dbIntMax : (schema.maxValue ?? dbIntMax);
  const min = schema.minValue === Number.MIN_SAFE_INTEGER ? dbIntMin : (schema.minValue ?? dbIntMin);
  if (value > max) return [{ path, code: 'too_big' }];
  if (value < min) return [{ path, code: 'too_small' }];
  return [];
}

/**
 * Walks a schema beside the value it parsed and reports integers outside what
 * both engines store. Applied once to every route's params, query and body
 * (the server's validator), so no schema has to repeat the bound.
 */
export function integerBoundIssues(
  schema: z.core.$ZodType,
  value: unknown,
  path: InputPath = [],
): InputIssue[] {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const inner = (key: string) => def[key] as z.core.$ZodType;
  switch (def.type) {
    case 'number':
      return intBoundIssue(schema as z.ZodNumber, value, path);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return value === undefined || value === null ? [] : integerBoundIssues(inner('innerType'), value, path);
    case 'pipe': {
      // The parsed value is the output side's; a transform's output is its own business.
      const out = inner('out');
      return out._zod.def.type === 'transform' ? [] : integerBoundIssues(out, value, path);
    }
    case 'lazy':
      return integerBoundIssues((def.getter as () => z.core.$ZodType)(), value, path);
    case 'object': {
      if (value === null || typeof value !== 'object') return [];
      const shape = def.shape as Record<string, z.core.$ZodType>;
      const record = value as Record<string, unknown>;
      return Object.entries(shape).flatMap(([key, field]) =>
        integerBoundIssues(field, record[key], [...path, key]),
      );
    }
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, i) => integerBoundIssues(inner('element'), item, [...path, i]))
        : [];
    case 'tuple':
      return Array.isArray(value)
        ? (def.items as z.core.$ZodType[]).flatMap((item, i) =>
            integerBoundIssues(item, value[i], [...path, i]),
          )
        : [];
    case 'record':
      return value !== null && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, item]) =>
            integerBoundIssues(inner('valueType'), item, [...path, key]),
          )
        : [];
    case 'union':
      return (def.options as z.core.$ZodType[]).flatMap((option) => integerBoundIssues(option, value, path));
    case 'intersection':
      return [
        ...integerBoundIssues(inner('left'), value, path),
        ...integerBoundIssues(inner('right'), value, path),
      ];
    default:
      return [];
  }
}
