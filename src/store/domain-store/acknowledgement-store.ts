import type { Acknowledgement } from '../../domain';
import type { AcknowledgementStore } from '../port';
import type { TypedDocuments } from './typed-documents';

const oldestFirst = { path: 'ix.acknowledgedAtMs', direction: 'asc' } as const;

export const acknowledgementStore = (acks: TypedDocuments<Acknowledgement>): AcknowledgementStore => ({
  create: (ack) => acks.create(ack),
  get: async (memberId, agendaItemId) => (await acks.get(memberId, agendaItemId))?.value,
  listByMember: (memberId) => acks.values({ partitionKey: memberId, orderBy: oldestFirst }),
  // Cross-partition: one partition per member. Run for the officer's report, not per click.
  listByAgendaItem: (agendaItemId) =>
    acks.values({ where: [{ path: 'data.agendaItemId', op: '=', value: agendaItemId }], orderBy: oldestFirst }),
  // One query per IN_LIMIT items (an `in` condition takes at most 50 values), oldest first within each.
  listByAgendaItems: async (agendaItemIds) => {
    const ids = [...new Set(agendaItemIds)];
    const chunks = Array.from({ length: Math.ceil(ids.length / IN_LIMIT) }, (_, i) => ids.slice(i * IN_LIMIT, (i + 1) * IN_LIMIT));
    const found = await Promise.all(chunks.map((values) => acks.values({ where: [{ path: 'data.agendaItemId', op: 'in', values }], orderBy: oldestFirst })));
    return found.flat();
  },
});

const IN_LIMIT = 50;
