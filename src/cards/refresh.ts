import { Verbs } from './verbs';

/** Teams runs a card's refresh automatically for at most 60 listed users. */
export const MAX_REFRESH_USER_IDS = 60;

export interface RefreshBlock {
  readonly action: { readonly type: 'Action.Execute'; readonly verb: typeof Verbs.refreshItem; readonly data: Record<string, string> };
  readonly userIds?: readonly string[];
}

/**
 * The `refresh` of a card sent to many, so that each person sees their own state ("Acknowledged by you").
 * Above 60 recipients Teams would refresh nobody automatically, so the list is left out and the refresh becomes
 * manual (the person taps to refresh). `userIds` are Teams user ids (MRIs, "29:..."), never our member ids.
 */
export const userSpecificRefresh = (recipientUserIds: readonly string[], data: Record<string, string>): RefreshBlock => {
  const action = { type: 'Action.Execute', verb: Verbs.refreshItem, data: { ...data } } as const;
  const userIds = [...new Set(recipientUserIds)];
  return userIds.length > 0 && userIds.length <= MAX_REFRESH_USER_IDS ? { action, userIds } : { action };
};
