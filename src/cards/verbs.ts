/**
 * The verbs of every card action that talks to the bot. The Teams adapter routes one handler per verb, so these
 * strings are a contract: templates in cards/ use exactly these, and a test checks that they do.
 */
export const Verbs = {
  /** Record that the member has read an agenda item. */
  acknowledge: 'acknowledge',
  /** Open the decision card for an item's decision. */
  viewDecision: 'viewDecision',
  /** Open the action plan that follows a decision. */
  viewActionPlan: 'viewActionPlan',
  /** Officer: open the "Start action plan" form for a decision without a plan. */
  startActionPlan: 'startActionPlan',
  /** Officer: start the plan as the form says (the same use case as POST /api/v1/action-plans). */
  createActionPlan: 'createActionPlan',
  /** The form's Cancel: the decision card again, in its place. */
  backToDecision: 'backToDecision',
  /** Post a progress update (status, percent, note) on one action. */
  updateAction: 'updateAction',
  /** Officer: remind the members who have not yet acknowledged an item. */
  remindOutstanding: 'remindOutstanding',
  /** Open the agenda item card (from a digest or search result). */
  viewItem: 'viewItem',
  /** The refresh action of user-specific views: answer with this user's own card. */
  refreshItem: 'refreshItem',
  /** The same for an action plan: this user's own card, with the update forms of the actions they may update. */
  refreshActionPlan: 'refreshActionPlan',
  /** Show the help card. */
  showHelp: 'showHelp',
  /** Officer: send the notification a confirmation card describes (an item's card, or a meeting's agenda). */
  sendNotification: 'sendNotification',
  /** Officer: redraw a notification's progress card now. */
  notificationProgress: 'notificationProgress',
  /** Officer: cancel what a notification has not sent yet. */
  cancelNotification: 'cancelNotification',
} as const;

export type Verb = (typeof Verbs)[keyof typeof Verbs];

export const allVerbs: readonly Verb[] = Object.values(Verbs);

export const isVerb = (value: unknown): value is Verb => typeof value === 'string' && (allVerbs as readonly string[]).includes(value);
