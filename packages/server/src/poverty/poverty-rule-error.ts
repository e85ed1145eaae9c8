import { PovertyRuleError } from '@caunoi/domain';
import { AppError } from '../errors/app-error.js';

/** Runs a poverty rule; a refusal of its input becomes the API's 400 with the rule's code and details. */
export function applyPovertyRule<T>(rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    if (error instanceof PovertyRuleError) throw new AppError(error.code, error.details);
    throw error;
  }
}
