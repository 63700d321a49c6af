import type { UnreachableReason } from '../../domain';

/** What an officer can do about a member the bot could not reach, by reason: said in the status and on the card. */
export const UNREACHABLE_ADVICE: Readonly<Record<UnreachableReason, string>> = {
  'no-teams-account':
    'The roster has no Microsoft Teams account for them: add their Entra object id (PUT /api/v1/members/{id}), or ask them to open Cabinet bot in Teams once, which links them by email.',
  'no-chat':
    'They have never opened Cabinet bot, and the bot is not in any team they belong to: ask them to open Cabinet bot in Teams (Apps, search "Cabinet bot"), or add the bot to a team they are in, then send again.',
  blocked: 'They blocked or removed Cabinet bot in Teams: ask them to open it again (Apps, "Cabinet bot"); until then, send the papers another way.',
  'chat-gone': 'Their chat with Cabinet bot no longer exists: ask them to open Cabinet bot in Teams again, then send again.',
  'install-failed':
    'Installing Cabinet bot for them through Microsoft Graph failed: check that the app is in your organisation\'s app catalogue and that TeamsAppInstallation.ReadWriteSelfForUser.All is granted, or ask them to open the bot themselves.',
  left: 'They are a former member: their end date on the roster has come, so nothing more is sent to them. If the date is wrong, correct it (PUT /api/v1/members/{id}).',
};

export const UNREACHABLE_REASON_TEXT: Readonly<Record<UnreachableReason, string>> = {
  'no-teams-account': 'no Teams account on the roster',
  'no-chat': 'has not opened the bot',
  blocked: 'blocked or removed the bot',
  'chat-gone': 'chat with the bot no longer exists',
  'install-failed': 'could not install the app for them',
  left: 'former member (end date reached)',
};
