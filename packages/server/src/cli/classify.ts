import { classifyFactsInput, classifyPoverty, PovertyRuleError, type ClassifyResult } from '@caunoi/domain';

/** Bad input: the command exits with code 2 and this message on standard error. */
export class ClassifyInputError extends Error {
  readonly exitCode = 2;
}

/**
 * `caunoi classify`: one household's facts as JSON in, the classification as
 * JSON out, by the same rule the API uses. Needs no database.
 */
export function classifyJson(text: string): ClassifyResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ClassifyInputError('Dữ liệu vào không phải JSON hợp lệ (invalid JSON on standard input).');
  }
  const parsed = classifyFactsInput.safeParse(json);
  if (!parsed.success) {
    // Field paths and what was expected, never the values (they may be personal data).
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `/${issue.path.join('/')}: ${issue.code}`)
      .join('; ');
    throw new ClassifyInputError(
      'Dữ liệu vào phải có dạng {"year", "areaType": "rural" | "urban", "monthlyIncomePerCapita", ' +
        `"deprivations": [...]} (invalid input): ${issues}`,
    );
  }
  try {
    return classifyPoverty(parsed.data);
  } catch (error) {
    if (error instanceof PovertyRuleError) throw new ClassifyInputError(error.message);
    throw error;
  }
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
