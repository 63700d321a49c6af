import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { TurnContext } from 'botbuilder';

const tracer = trace.getTracer('cabinet-bot');

/**
 * One span per Teams turn, inside the HTTP request's span, so that the store operations and the Bot Connector calls
 * the turn makes are its children. Ids only: the request id, the activity's kind and ids, never names or text. A
 * no-op unless telemetry is on (src/telemetry).
 */
export function traceTurn<T>(ctx: TurnContext, requestId: string, run: () => Promise<T>): Promise<T> {
  const { type, name, id, channelId, conversation } = ctx.activity;
  const attributes = {
    'cabinet.request_id': requestId,
    'cabinet.activity.type': type ?? '',
    ...(name ? { 'cabinet.activity.name': name } : {}),
    ...(id ? { 'cabinet.activity.id': id } : {}),
    ...(channelId ? { 'cabinet.channel': channelId } : {}),
    ...(conversation?.conversationType ? { 'cabinet.conversation.type': conversation.conversationType } : {}),
    ...(conversation?.id ? { 'cabinet.conversation.id': conversation.id } : {}),
  };
  return tracer.startActiveSpan(`turn ${name ?? type ?? 'activity'}`, { kind: SpanKind.INTERNAL, attributes }, async (span) => {
    try {
      return await run();
    } catch (err) {
      // The error's kind only: messages can quote what someone typed.
      span.setAttribute('error.type', err instanceof Error ? err.name : typeof err);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}
