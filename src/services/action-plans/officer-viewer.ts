import { Id, type Member, type Viewer } from '../../domain';
import type { Store } from '../../store/port';

/**
 * The officer API's caller as the use cases the Teams card runs need them: their roster record when their Entra
 * object id is on the roster, else an officer known by the token's id alone (the API's Officer role is what entitles
 * them). Where: a personal view, as the API answers one person and posts to no chat.
 */
export async function officerViewer(principal: { readonly id: string; readonly name?: string }, store: Pick<Store, 'members'>): Promise<Viewer> {
  const onRoster = Id.safeParse(principal.id).success ? await store.members.findByAadObjectId(principal.id) : undefined;
  const member: Member = onRoster?.value.role === 'officer' || onRoster?.value.role === 'admin'
    ? onRoster.value
    : { id: Id.safeParse(principal.id).success ? principal.id : 'api-officer', name: principal.name ?? 'Officer (API)', role: 'officer', committees: [] };
  return { member, where: 'personal' };
}
