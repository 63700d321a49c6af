import { Verbs } from './verbs';

/** Teams runs a card's refresh automatically for at most 60 listed users. */
export const MAX_REFRESH_USER_IDS = 60;

/** The verbs that answer a refresh with the viewer's own card. */
export type RefreshVerb = typeof Verbs.refreshItem | typeof Verbs.refreshActionPlan;

export interface RefreshBlock {
  readonly action: { readonly type: 'Action.Execute'; readonly verb: RefreshVerb; readonly data: Record<string, string> };
  readonly userIds?: readonly string[];
}

/**
 * The `refresh` of a card that may be seen by many, so that each person sees their own state ("Acknowledged by you",
 * the update forms of the actions they own). Teams refreshes automatically for everyone in a chat or channel of up to
 * 60 people, and above that only for the listed users (others tap to refresh); above 60 recipients the list is left
 * out. `userIds` are Teams user ids (MRIs, "29:..."), never our member ids.
 */
export const userSpecificRefresh = (
  recipientUserIds: readonly string[],
  data: Record<string, string>,
  verb: RefreshVerb = Verbs.refreshItem,
): RefreshBlock => {
  const action = { type: 'Action.Execute', verb, data: { ...data } } as const;
  const userIds = [...new Set(recipientUserIds)];
  return userIds.length > 0 && userIds.length <= MAX_REFRESH_USER_IDS ? { action, userIds } : { action };
};
