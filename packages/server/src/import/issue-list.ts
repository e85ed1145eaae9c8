import {
  columnLabel,
  importIssueMessage,
  importIssuePlace,
  importKinds,
  maxReportedIssues,
  type ImportIssue,
  type ImportIssueOut,
} from '@caunoi/domain';

/**
 * Every issue of one import, counted exactly; the first `maxReportedIssues`
 * are kept for the report (a file of 100,000 bad rows must not become a
 * report of a million lines).
 */
export class IssueList {
  readonly kept: ImportIssue[] = [];
  errors = 0;
  warnings = 0;
  notices = 0;

  constructor(private readonly limit = maxReportedIssues) {}

  add(issue: ImportIssue): void {
    if (issue.severity === 'error') this.errors++;
    else if (issue.severity === 'warning') this.warnings++;
    else this.notices++;
    if (this.kept.length < this.limit) this.kept.push(issue);
  }

  addAll(issues: readonly ImportIssue[]): void {
    for (const issue of issues) this.add(issue);
  }

  get total(): number {
    return this.errors + this.warnings + this.notices;
  }

  /** File-level issues first, then by sheet (template order), row and column; each with its Vietnamese message. */
  report(): ImportIssueOut[] {
    const sheetOrder = (issue: ImportIssue) => (issue.kind === null ? -1 : importKinds.indexOf(issue.kind));
    const letterOrder = (issue: ImportIssue) => (issue.letter ?? '').padStart(3, ' ');
    return [...this.kept]
      .sort(
        (a, b) =>
          sheetOrder(a) - sheetOrder(b) ||
          (a.row ?? 0) - (b.row ?? 0) ||
          letterOrder(a).localeCompare(letterOrder(b)),
      )
      .map((issue) => {
        const columnName = issue.column === null ? null : columnLabel(issue.kind, issue.column);
        const place = importIssuePlace({ ...issue, columnName });
        const problem = importIssueMessage(issue.code, issue.params);
        return { ...issue, columnName, message: place ? `${place}: ${problem}` : problem };
      });
  }
}
