/** One thing wrong with a roster entry: where it is (a CSV line, a field) and what to do about it. */
export interface RosterProblem {
  /** 1-based line of the CSV file; absent for a single member sent through the API. */
  readonly line?: number;
  /** The field (CSV column) at fault, where one is. */
  readonly field?: string;
  readonly message: string;
}

/** "line 4, email: is not a valid email", for reports and logs. */
export function describeProblem(p: RosterProblem): string {
  const where = [p.line !== undefined ? `line ${p.line}` : '', p.field ?? ''].filter((s) => s !== '').join(', ');
  return where ? `${where}: ${p.message}` : p.message;
}
