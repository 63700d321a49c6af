import { Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Schemas } from './api';

/**
 * The Adaptive Card a notification would send, drawn with Fluent components (the elements the bot's cards use:
 * TextBlock, RichTextBlock, FactSet, Container, ColumnSet, ActionSet and the card's actions). Anything else is named,
 * not guessed at. Nothing in a card runs: it is data, rendered as text.
 */
type Element = { type?: string; [key: string]: unknown };
/** POST /api/v1/notifications/preview: each audience's words and cards, how many it goes to, and when it would go. */
export type PreviewAnswer = Schemas['NotificationPreview'];

const london = (iso: string): string => new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });

/** When it would go, in words: now, at its schedule, or after quiet hours (the schedule or now falling in them). */
function goes(preview: PreviewAnswer): string {
  switch (preview.heldBy) {
    case 'quiet-hours':
      return `would go at ${london(preview.sendsAt)}, held by quiet hours (asked for ${london(preview.sendAt)})`;
    case 'schedule':
      return `would go at ${london(preview.sendsAt)}, as scheduled`;
    default:
      return 'would go now';
  }
}

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  columns: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function CardPreview({ preview }: { preview: PreviewAnswer }): ReactNode {
  const styles = useStyles();
  return (
    <section className={styles.list} aria-label="Card preview">
      <Text weight="semibold">
        {preview.recipients.total} {preview.recipients.total === 1 ? 'recipient' : 'recipients'} ({preview.recipients.members}{' '}
        {preview.recipients.members === 1 ? 'member' : 'members'}, {preview.recipients.channels} {preview.recipients.channels === 1 ? 'channel' : 'channels'});{' '}
        {goes(preview)}.
      </Text>
      {preview.audiences.flatMap((a, i) =>
        a.cards.map((card: Element, j) => (
          <Card key={`${i}-${j}`} role="group" aria-label={`Card as ${a.drawnFor.name} would see it`}>
            <Text weight="semibold">
              As {a.drawnFor.name} would see it ({a.audience === 'channel' ? 'a channel' : 'a member'})
            </Text>
            {a.text && j === 0 ? <Text>{a.text}</Text> : null}
            <div className={styles.body}>{elements(card.body, styles)}</div>
            <Actions actions={card.actions} />
          </Card>
        )),
      )}
    </section>
  );
}

function Actions({ actions }: { actions: unknown }): ReactNode {
  const styles = useStyles();
  if (!Array.isArray(actions) || actions.length === 0) return null;
  return (
    <div className={styles.actions}>
      {actions.map((a: Element, i) => (
        <Button key={i} size="small" disabled>
          {typeof a.title === 'string' ? a.title : 'Action'}
        </Button>
      ))}
    </div>
  );
}

function elements(list: unknown, styles: ReturnType<typeof useStyles>): ReactNode {
  if (!Array.isArray(list)) return null;
  return list.map((e: Element, i) => <Part key={i} element={e} styles={styles} />);
}

function Part({ element, styles }: { element: Element; styles: ReturnType<typeof useStyles> }): ReactNode {
  switch (element.type) {
    case 'TextBlock':
      return (
        <Text weight={element.weight === 'Bolder' ? 'semibold' : 'regular'} size={element.size === 'Large' || element.size === 'ExtraLarge' ? 500 : element.size === 'Small' ? 200 : 300}>
          {String(element.text ?? '')}
        </Text>
      );
    case 'RichTextBlock':
      return <Text>{Array.isArray(element.inlines) ? element.inlines.map((r: Element | string) => (typeof r === 'string' ? r : String(r.text ?? ''))).join('') : ''}</Text>;
    case 'FactSet':
      return (
        <dl className={styles.facts}>
          {(Array.isArray(element.facts) ? element.facts : []).map((f: { title?: string; value?: string }, i: number) => (
            <div key={i} style={{ display: 'contents' }}>
              <dt>
                <Text weight="semibold">{f.title}</Text>
              </dt>
              <dd style={{ margin: 0 }}>
                <Text>{f.value}</Text>
              </dd>
            </div>
          ))}
        </dl>
      );
    case 'Container':
    case 'Column':
      return <div className={styles.body}>{elements(element.items, styles)}</div>;
    case 'ColumnSet':
      return <div className={styles.columns}>{elements(element.columns, styles)}</div>;
    case 'ActionSet':
      return <Actions actions={element.actions} />;
    default:
      return <Text size={200}>[{String(element.type ?? 'element')}]</Text>;
  }
}
