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
});
