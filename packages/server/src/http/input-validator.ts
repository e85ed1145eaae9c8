import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { integerBoundIssues, nulBytePaths, type InputIssue } from '@caunoi/domain';

function asValidationErrors(issues: InputIssue[]): { error: FastifySchemaValidationError[] } {
  return {
    error: issues.map((issue) => ({
      keyword: issue.code,
      instancePath: `/${issue.path.join('/')}`,
      schemaPath: `#/${issue.path.join('/')}/${issue.code}`,
      message: issue.code,
      params: { issue: { code: issue.code } },
    })),
  };
}

/**
 * The zod validator plus the domain's input guards, so that every route's
 * params, query and body get them without each schema repeating them: a NUL
 * byte anywhere is refused before anything else reads the value (an enum or
 * a date holding one is named for the byte, not for its shape), and integers
 * must fit what both engines store. Either is a 400 naming the field.
 */
export const guardedValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = validatorCompiler(route);
  return (data) => {
    const nul = nulBytePaths(data);
    if (nul.length > 0) return asValidationErrors(nul.map((path) => ({ path, code: 'nul_byte' })));
    const result = validate(data) as { value?: unknown; error?: FastifySchemaValidationError[] };
    if (result.error !== undefined) return result;
    const outOfRange = integerBoundIssues(route.schema, result.value);
    return outOfRange.length === 0 ? result : asValidationErrors(outOfRange);
  };
};
