import { expectDomainError } from './expectations';
import type { CurrentStore } from './store.contract';

/** Teams ids as they arrive: a channel thread id holds ':', '@', ';' and '='; a key may also hold '/' '?' '#'. */
const conversationId = '19:6f1c2a7e3b9d4c5e8a210d4e5f6a7b8c@thread.tacv2;messageid=1626262626262';
const key = (activityId: string): string => `${conversationId}|${activityId}`;
const at = '2021-07-14T17:05:12.345Z';

export const describeActivities = (current: CurrentStore): void => {
  describe('activity ledger', () => {
    it('answers true for the first claim of a key and false for every later one', async () => {
      const { store } = current();
      expect(await store.activities.claim(key('1626262626262'), at)).toBe(true);
      expect(await store.activities.claim(key('1626262626262'), at)).toBe(false);
      // A re-delivery carries the same key; when it is handled does not matter.
      expect(await store.activities.claim(key('1626262626262'), '2021-07-14T17:05:27.000+01:00')).toBe(false);
      // Another activity in the same conversation, and the same activity id in another conversation, are new.
      expect(await store.activities.claim(key('1626262626999'), at)).toBe(true);
      expect(await store.activities.claim(`a:1xYz/other?conversation#x|1626262626262`, at)).toBe(true);
    });

    it('lets exactly one of 50 concurrent claims of one key win', async () => {
      const { store } = current();
      const answers = await Promise.all(Array.from({ length: 50 }, () => store.activities.claim(key('f:racing'), at)));
      expect(answers.filter((a) => a)).toHaveLength(1);
      expect(await store.activities.claim(key('f:racing'), at)).toBe(false);
    });

    it('is shared by every Store instance on the same data, also when they race', async () => {
      const { store, openSecondStore } = current();
      const other = await openSecondStore();
      expect(await store.activities.claim(key('seen-by-both'), at)).toBe(true);
      expect(await other.activities.claim(key('seen-by-both'), at)).toBe(false);
      expect(await other.activities.claim(key('claimed-by-other'), at)).toBe(true);
      expect(await store.activities.claim(key('claimed-by-other'), at)).toBe(false);

      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : other).activities.claim(key('racing-instances'), at)),
      );
      expect(answers.filter((a) => a)).toHaveLength(1);
    });

    it('takes keys of any characters and of any length up to 4096, and refuses an empty key or a bad instant', async () => {
      const { store } = current();
      const long = `${conversationId}|${'x'.repeat(4000)}`;
      expect(await store.activities.claim(long, at)).toBe(true);
      expect(await store.activities.claim(long, at)).toBe(false);
      // Keys differing only after the first few hundred characters are different keys.
      expect(await store.activities.claim(`${long.slice(0, -1)}y`, at)).toBe(true);
      expect(await store.activities.claim('\\ / ? # %', at)).toBe(true);
      await expectDomainError(store.activities.claim('', at), 'invalid');
      await expectDomainError(store.activities.claim('x'.repeat(4097), at), 'invalid');
      await expectDomainError(store.activities.claim(key('no-time'), 'yesterday'), 'invalid');
      // Nothing was recorded by the refused claims.
      expect(await store.activities.claim(key('no-time'), at)).toBe(true);
    });
  });
};
