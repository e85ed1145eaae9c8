/**
 * Income per person per month, in whole VND: the household's monthly income
 * divided by the people living in it (those working away included, as the
 * poverty survey counts them). Unknown when the income is not recorded or
 * nobody is listed.
 */
export function incomePerPerson(monthlyIncome: number | null, peopleCount: number): number | null {
  if (monthlyIncome === null || peopleCount <= 0) return null;
  return Math.round(monthlyIncome / peopleCount);
}
