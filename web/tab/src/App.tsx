import {
  Button,
  Field,
  FluentProvider,
  Input,
  Link,
  Text,
  Title2,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, SignInNeeded, createApi, type Api } from './api';
import { ActionPlansPage } from './pages/ActionPlans';
import { DecisionsPage } from './pages/Decisions';
import { ItemPage } from './pages/Item';
import { MeetingsPage } from './pages/Meetings';
import { NotificationsPage } from './pages/Notifications';
import { RosterPage } from './pages/Roster';
import { isFramed, loadTabConfig, localTokens, msalTokens, teamsHost, type HostTheme, type TokenSource } from './sign-in';
import { ErrorNotice, Loading } from './ui';

const THEMES = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

/** ?theme=light|dark|contrast wins (screenshots and tests); then the host's theme; then light. */
function themeOverride(): HostTheme | undefined {
  const asked = new URLSearchParams(window.location.search).get('theme');
  return asked === 'light' || asked === 'dark' || asked === 'contrast' ? asked : undefined;
}

const PAGES = [
  { hash: '#/meetings', label: 'Meetings' },
  { hash: '#/decisions', label: 'Decisions' },
  { hash: '#/action-plans', label: 'Action plans' },
  { hash: '#/notifications', label: 'Notifications' },
  { hash: '#/roster', label: 'Roster' },
] as const;

const useStyles = makeStyles({
  shell: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  nav: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
  main: {
    padding: tokens.spacingHorizontalL,
    maxWidth: '1200px',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    // A select is as wide as its longest option: at 320 px it must shrink to the page instead.
    // Long words (a CSV header, an id) wrap rather than push the page sideways at 320 px.
    overflowWrap: 'anywhere',
    '& .fui-Field': { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
    '& .fui-Select': { minWidth: 0, maxWidth: '100%' },
    '& select': { minWidth: 0, width: '100%' },
  },
  narrow: { maxWidth: '32rem', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

type Phase =
  | { readonly at: 'starting' }
  | { readonly at: 'sign-in'; readonly tokens: TokenSource; readonly error?: unknown }
  | { readonly at: 'refused'; readonly detail: string }
  | { readonly at: 'ready'; readonly who: string }
  | { readonly at: 'failed'; readonly error: unknown };

export function App(): ReactNode {
  const [hostTheme, setHostTheme] = useState<HostTheme>('light');
  const theme = themeOverride() ?? hostTheme;
  const [phase, setPhase] = useState<Phase>({ at: 'starting' });
  const [route, setRoute] = useState(window.location.hash || '#/meetings');
  const tokensRef = useRef<TokenSource | undefined>(undefined);

  const api: Api = useMemo(
    () =>
      createApi(
        { token: () => tokensRef.current?.token() ?? Promise.resolve(undefined), renew: () => tokensRef.current?.renew() ?? Promise.resolve(undefined) },
        () => tokensRef.current && setPhase({ at: 'sign-in', tokens: tokensRef.current }),
      ),
    [],
  );

  useEffect(() => {
    const onHash = () => setRoute(window.location.hash || '#/meetings');
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  /** whoami decides: an officer or admin sees the dashboard; anyone else the polite page, and no data is asked for. */
  async function enter(): Promise<void> {
    try {
      const me = await api.call('get', '/api/v1/whoami');
      setPhase({ at: 'ready', who: me.name ?? me.id });
    } catch (err) {
      if (err instanceof SignInNeeded) return; // the sign-in page is showing
      if (err instanceof ApiError && err.status === 403) setPhase({ at: 'refused', detail: err.detail });
      else if (tokensRef.current && err instanceof ApiError && err.status === 401) setPhase({ at: 'sign-in', tokens: tokensRef.current, error: err });
      else setPhase({ at: 'failed', error: err });
    }
  }

  useEffect(() => {
    (async () => {
      const config = await loadTabConfig();
      if (config.mode === 'unconfigured') throw new Error(config.detail);
      if (config.mode === 'local') tokensRef.current = localTokens();
      else if (isFramed()) {
        const { host, tokens: teamsTokens } = await teamsHost();
        tokensRef.current = teamsTokens;
        if (host.theme) setHostTheme(host.theme);
        host.onThemeChange?.(setHostTheme);
      } else tokensRef.current = await msalTokens(config);
      await enter();
    })().catch((error: unknown) => setPhase({ at: 'failed', error }));
  }, []);

  const styles = useStyles();
  const navigate = (hash: string) => {
    window.location.hash = hash;
  };

  let body: ReactNode;
  if (phase.at === 'starting') body = <Loading label="Signing in" />;
  else if (phase.at === 'failed') body = <ErrorNotice error={phase.error} />;
  else if (phase.at === 'refused') {
    body = (
      <section className={styles.narrow} aria-labelledby="refused-heading">
        <Title2 as="h1" id="refused-heading">This dashboard is for democratic services</Title2>
        <Text>
          It shows committee papers, acknowledgements and notifications to the officers who manage them. You can read and acknowledge
          your papers in the Cabinet bot chat in Teams. If you work in democratic services, ask an administrator for the Officer role.
        </Text>
        <Text size={200}>{phase.detail}</Text>
      </section>
    );
  } else if (phase.at === 'sign-in') body = <SignIn phase={phase} onSignedIn={enter} />;
  else body = <Page route={route} api={api} navigate={navigate} />;

  return (
    <FluentProvider theme={THEMES[theme]} className={styles.shell}>
      <header className={styles.header}>
        <Text as="p" weight="semibold" size={400}>
          Democratic services
        </Text>
        {phase.at === 'ready' ? (
          <nav aria-label="Dashboard" className={styles.nav}>
            {PAGES.map((p) => (
              <Link key={p.hash} href={p.hash} className={route.startsWith(p.hash) ? styles.current : undefined} aria-current={route.startsWith(p.hash) ? 'page' : undefined}>
                {p.label}
              </Link>
            ))}
          </nav>
        ) : null}
        {phase.at === 'ready' ? <Text size={200}>Signed in as {phase.who}</Text> : null}
      </header>
      <main className={styles.main}>{body}</main>
    </FluentProvider>
  );
}

function Page({ route, api, navigate }: { route: string; api: Api; navigate: (hash: string) => void }): ReactNode {
  const item = /^#\/items\/([^/?]+)/.exec(route);
  if (item?.[1]) return <ItemPage api={api} navigate={navigate} itemId={decodeURIComponent(item[1])} />;
  if (route.startsWith('#/decisions')) return <DecisionsPage api={api} navigate={navigate} />;
  if (route.startsWith('#/action-plans')) return <ActionPlansPage api={api} navigate={navigate} />;
  if (route.startsWith('#/notifications')) return <NotificationsPage api={api} navigate={navigate} />;
  if (route.startsWith('#/roster')) return <RosterPage api={api} navigate={navigate} />;
  return <MeetingsPage api={api} navigate={navigate} />;
}

function SignIn({ phase, onSignedIn }: { phase: Extract<Phase, { at: 'sign-in' }>; onSignedIn: () => Promise<void> }): ReactNode {
  const styles = useStyles();
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(phase.error);
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    try {
      const token = await phase.tokens.interactive?.(value);
      if (token) await onSignedIn();
    } catch (err) {
      setError(err);
    }
  };
  if (phase.tokens.kind === 'local') {
    return (
      <form className={styles.narrow} onSubmit={submit} aria-labelledby="sign-in-heading">
        <Title2 as="h1" id="sign-in-heading">Sign in</Title2>
        <Text>Local mode: paste the officer token (OFFICER_API_TOKEN; npm run dev prints the dashboard&apos;s address with it).</Text>
        <ErrorNotice error={error} />
        <Field label="Officer token">
          <Input type="password" value={value} onChange={(_, d) => setValue(d.value)} autoComplete="off" />
        </Field>
        <Button appearance="primary" type="submit">
          Sign in
        </Button>
      </form>
    );
  }
  return (
    <section className={styles.narrow} aria-labelledby="sign-in-heading">
      <Title2 as="h1" id="sign-in-heading">Sign in</Title2>
      <Text>Sign in with your council Microsoft account to see the dashboard.</Text>
      <ErrorNotice error={error} />
      <Button appearance="primary" onClick={() => void submit()}>
        Sign in with Microsoft
      </Button>
    </section>
  );
}
