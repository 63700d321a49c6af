import type { Store } from '../../store/port';

/**
 * The roster use cases need the members and the committees they sit on, and the conversations, to link a member's
 * chats with the bot when the roster learns who they are in Teams; and the audit log, which records every change.
 */
export type RosterDeps = Pick<Store, 'members' | 'committees' | 'conversations' | 'audit'>;
