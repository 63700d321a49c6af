import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiError, SignInNeeded, type Api } from './api';

/** What a page loads: its data, an error to show, and a way to load it again. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data?: T; error?: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/** An API refusal as people read it: the problem's detail and the request id to quote. */
export function ErrorNotice({ error }: { error: unknown }): ReactNode {
  if (error === undefined || error instanceof SignInNeeded) return null;
  const detail = error instanceof ApiError ? error.detail : error instanceof Error ? error.message : String(error);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{error instanceof ApiError && error.status === 403 ? 'Not allowed' : 'That did not work'}</MessageBarTitle>
        {detail}
        {requestId ? <> (request id <code>{requestId}</code>)</> : null}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Loading({ label }: { label: string }): ReactNode {
  return <Spinner size="small" label={label} />;
}

export interface PageProps {
  readonly api: Api;
  readonly navigate: (hash: string) => void;
}

const LONDON_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
export const londonDate = (iso: string): string => LONDON_DATE.format(new Date(iso));
export const londonDateTime = (iso: string): string => `${LONDON_DATE.format(new Date(iso))}, ${LONDON_TIME.format(new Date(iso))}`;
