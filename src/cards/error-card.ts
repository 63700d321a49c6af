import { DomainError, type DomainErrorCode } from '../domain';
import { renderTemplate, type AdaptiveCard } from './templates';
import { clip } from './text';

export interface ErrorView {
  /** "We could not find that". */
  readonly title: string;
  /** What went wrong, in words for the person. */
  readonly detail: string;
  readonly whatToDo: string;
  /** A code the service desk can find in the logs (the request id). */
  readonly reference?: string;
}

const guidance: Record<DomainErrorCode | 'unexpected', { headline: string; whatToDo: string }> = {
  'not-found': {
    headline: 'We could not find that',
    whatToDo: 'It may have been withdrawn or replaced. Search for it again, or ask democratic services.',
  },
  exists: { headline: 'That has already been done', whatToDo: 'There is nothing more to do.' },
  conflict: {
    headline: 'Someone else changed this at the same time',
    whatToDo: 'Open it again to see the latest version, then make your change again.',
  },
  invalid: { headline: 'Something in the request was not right', whatToDo: 'Check what you entered and try again.' },
  forbidden: {
    headline: 'You cannot do that here',
    whatToDo: 'This is for officers and the members of the committee. If you think you should have access, ask democratic services.',
  },
  unavailable: {
    headline: 'The service is busy or unavailable',
    whatToDo: 'Try again in a few minutes. If it keeps happening, give the service desk the reference below.',
  },
  unexpected: {
    headline: 'Something went wrong on our side',
    whatToDo: 'Try again. If it keeps happening, give the service desk the reference below.',
  },
};

/**
 * Domain errors carry messages written for people; anything else is an internal failure whose message could
 * leak details, so it is described in general terms and identified by the reference alone.
 */
export const buildErrorView = (error: unknown, options: { reference?: string } = {}): ErrorView => {
  const known = error instanceof DomainError;
  const g = guidance[known ? error.code : 'unexpected'];
  const reference = options.reference ? clip(options.reference, 100) : '';
  return {
    title: g.headline,
    detail: known ? clip(error.message, 500) : 'An unexpected error stopped your request.',
    whatToDo: reference ? g.whatToDo : g.whatToDo.replace('give the service desk the reference below', 'tell the service desk'),
    reference,
  };
};

export const renderErrorCard = (view: ErrorView): AdaptiveCard =>
  renderTemplate('error', { ...view, reference: view.reference ? clip(view.reference, 100) : '' });
