/**
 * Card rendering: view models built from domain objects, expanded into the templates of the top-level cards/
 * folder. Nothing here talks to Teams; the Teams adapter sends what these functions return.
 */
export { Verbs, allVerbs, isVerb, type Verb } from './verbs';
export {
  ActionDataSchemas,
  parseActionData,
  parseActionUpdate,
  readActionUpdate,
  readActionPlanForm,
  planFormInputIds,
  PLAN_FORM_ROWS,
  type TypedPlan,
  type ActionPlanFormReading,
  type PlanView,
  type TypedUpdate,
  updateInputIds,
  type ActionData,
  type ActionUpdateSubmission,
} from './action-data';
export { userSpecificRefresh, MAX_REFRESH_USER_IDS, type RefreshBlock, type RefreshVerb } from './refresh';
export { CARD_SIZE_LIMIT_BYTES, cardNames, cardSizeBytes, expandTemplate, sampleDataPath, type AdaptiveCard, type CardName } from './templates';
export { formatDateTime, formatDayDate, formatLongDate, formatTime, formatWhen } from './format-date';
export { formatStatus, type StatusText } from './status-text';
export { clip, plural } from './text';
export { presentRag, type RagPresentation } from './rag';
export { buildFoundView, type FoundInput, type FoundView } from './found-passage';
export * from './agenda-item-card';
export * from './meeting-digest-card';
export * from './decision-card';
export * from './action-plan-card';
export * from './action-plan-form-card';
export * from './acknowledgement-report-card';
export * from './search-results-card';
export * from './link-preview-card';
export * from './search-result-preview';
export * from './help-card';
export * from './error-card';
export * from './notification-confirm-card';
export * from './notification-progress-card';
export { renderCard, type CardViews } from './render-card';
