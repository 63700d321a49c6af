import { MAX_REFRESH_USER_IDS, userSpecificRefresh } from '../../src/cards/refresh';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `29:user-${i}`);
const data = { committeeId: 'cabinet', agendaItemId: 'item-5' };

describe('user-specific views', () => {
  it('lists up to 60 recipients for an automatic refresh', () => {
    expect(userSpecificRefresh(ids(60), data)).toEqual({
      action: { type: 'Action.Execute', verb: 'refreshItem', data },
      userIds: ids(60),
    });
    expect(MAX_REFRESH_USER_IDS).toBe(60);
  });

  it('falls back to a manual refresh above 60, as Teams would refresh nobody', () => {
    expect(userSpecificRefresh(ids(61), data)).toEqual({ action: { type: 'Action.Execute', verb: 'refreshItem', data } });
  });

  it('counts each person once', () => {
    expect(userSpecificRefresh([...ids(60), ...ids(60)], data).userIds).toHaveLength(60);
  });

  it('is manual when no recipients are known', () => {
    expect(userSpecificRefresh([], data)).not.toHaveProperty('userIds');
  });
});
