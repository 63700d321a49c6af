import { z } from 'zod';
import { CalendarDate, Id, Instant } from './common';

/** RAG status, always shown by word and icon as well as colour. */
export const Rag = z.enum(['on-track', 'at-risk', 'off-track', 'done']);
export type Rag = z.infer<typeof Rag>;

export const Action = z.object({
  id: Id,
  title: z.string().min(1),
  ownerMemberId: Id,
  dueOn: CalendarDate,
  rag: Rag.default('on-track'),
  percentComplete: z.number().int().min(0).max(100).default(0),
  lastUpdateAt: Instant.optional(),
});
export type Action = z.infer<typeof Action>;

export const ActionPlan = z.object({
  id: Id,
  committeeId: Id,
  decisionId: Id,
  agendaItemId: Id.optional(),
  title: z.string().min(1),
  actions: z.array(Action).default([]),
  createdAt: Instant,
  updatedAt: Instant,
});
export type ActionPlan = z.infer<typeof ActionPlan>;

/** Append-only history: every update to an action is kept as its own record. */
export const ActionUpdate = z.object({
  id: Id,
  actionPlanId: Id,
  committeeId: Id,
  actionId: Id,
  byMemberId: Id,
  at: Instant,
  rag: Rag,
  percentComplete: z.number().int().min(0).max(100),
  note: z.string().max(2000).default(''),
});
export type ActionUpdate = z.infer<typeof ActionUpdate>;

export const isOverdue = (a: Pick<Action, 'dueOn' | 'rag'>, today: string): boolean => a.rag !== 'done' && a.dueOn < today;

/**
 * The version of one action's progress, as a card carries it to tell a stale update: the instant of its last update
 * ("new" before any). It is the action's own, not the plan's ETag, so that an update to another action of the same
 * plan (owners update theirs independently) does not make this one stale; any update to this action moves it, since
 * every update is stamped with the instant it was recorded.
 */
export const actionVersion = (a: Pick<Action, 'lastUpdateAt'>): string => a.lastUpdateAt ?? 'new';
