import type { OutcomeStatus } from './decision';

/**
 * What a status answer always says (PRODUCT.md): what the status is, since when, what comes next and when.
 * Computed in one place (decision-status.ts) and shown by cards and chat answers alike.
 */
export interface StatusDescription {
  readonly status: OutcomeStatus;
  /** In words: "Recommended to Council: awaiting Full Council". */
  readonly label: string;
  /** Calendar date (yyyy-mm-dd) or instant since when the outcome has had this status, where known. */
  readonly since?: string;
  /** What happens next, in words: "Full Council decides", "Call-in period ends". */
  readonly next?: string;
  /** When the next step is due (yyyy-mm-dd), where known. */
  readonly nextOn?: string;
  /** Whether this status is final (nothing more will happen to the outcome). */
  readonly final: boolean;
}
