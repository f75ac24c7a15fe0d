/** Exit codes and user-facing failure output shared by all commands. */
// the issues module alone, not the model's index: every command loads this file, --version too
import { formatIssues, type InputIssue } from '../model/issues.ts';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
/** Bad input from the user (invalid scenario, unknown id, bad option). */
export const EXIT_USER = 2;
/**
 * Distributed work did not complete: chunks failed for good, or Redis stayed unreachable past
 * PARLEY_REDIS_CONNECT_MS / PARLEY_REDIS_OUTAGE_MS. Not the user's input and not a bug.
 */
export const EXIT_UNAVAILABLE = 3;

/** Thrown by commands to stop with a user-facing message and exit code 2 (no stack trace). */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export class InputIssuesError extends UserError {
  constructor(
    readonly file: string,
    readonly issues: InputIssue[],
  ) {
    super(formatIssues(file, issues));
  }
}
