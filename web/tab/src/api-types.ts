/**
 * The officer API's types, generated from its OpenAPI document by openapi-typescript: do not edit.
 * Run `npm run tab:api-types` after changing a route's contract (a test fails until you do).
 */
export interface paths {
    "/api/v1/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the API takes the caller for
         * @description The caller's id (Entra object id), name, app roles and how the token was checked: a deployment's first check.
         *
         *     Needs the Officer app role (or Admin).
         */
        get: operations["getWhoami"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/committees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List committees
         * @description Needs the Officer app role (or Admin).
         */
        get: operations["getCommittees"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/committees/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or replace a committee
         * @description The id is the path's (an id in the body must be the same). Without a call-in period, the council's (CALL_IN_WORKING_DAYS). With If-Match, a committee changed since is refused (412).
         *
         *     Needs the Officer app role (or Admin).
         */
        put: operations["putCommitteesId"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a ModernGov page
         * @description The body is the page: an agenda-item page as text (text/plain), a decision-details page (text/html) or a GetMeeting answer (application/xml). A dry run (dryRun=true) stores nothing and answers 200; a real import answers 201 with what was stored and the notifications it planned. A page naming a committee the bot does not know is shown on a dry run with a warning, and stored with createCommittee=true.
         *
         *     Needs the Officer app role (or Admin).
         */
        post: operations["postImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the roster
         * @description As JSON, or with Accept: text/csv as the roster file that POST /api/v1/members/import (and `members import`) reads back unchanged. With reach=true (JSON), each member with `reach`: whether the bot can reach them in Teams now, and why not in words.
         *
         *     Needs the Officer app role (or Admin).
         */
        get: operations["getMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a member
         * @description Needs the Officer app role (or Admin).
         */
        get: operations["getMembersId"];
        /**
         * Create or replace a member
         * @description The id is the path's (an id in the body must be the same). Committees must exist; a Teams identity (aadObjectId, email) must be the member's own. An end date (endsOn) makes them a former member from that day. With If-Match, a member changed since is refused (412).
         *
         *     Needs the Officer app role (or Admin).
         */
        put: operations["putMembersId"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import the roster spreadsheet
         * @description The roster as CSV (UTF-8, a header row: id,name,role,title,email,aadObjectId,committees ...). All or nothing: a file with one bad row changes nothing and is refused (422) with every problem by line (`problems`, `problemCount`). Members missing from the file are left as they are.
         *
         *     Needs the Officer app role (or Admin).
         */
        post: operations["postMembersImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a push: the card as it will appear, to how many, and when
         * @description The same body as POST /api/v1/notifications, checked and refused the same way; nothing is stored or sent. Answers the words and the Adaptive Card JSON the outbox would send to each audience (members' personal chats, drawn for one of them; team channels), the number of recipients, and when it would go (held by its schedule or by quiet hours).
         *
         *     Needs the Officer app role (or Admin).
         */
        post: operations["postNotificationsPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List notifications, newest first
         * @description Needs the Officer app role (or Admin).
         */
        get: operations["getNotifications"];
        put?: never;
        /**
         * Push an agenda item or a meeting's digest
         * @description To the committee's members (or the audience named), now or at sendAt. Sending happens in the background: the answer is 202 with the status at once. An Idempotency-Key makes a retried request the same notification, never a second one.
         *
         *     Needs the Officer app role (or Admin).
         */
        post: operations["postNotifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each recipient's delivery
         * @description Every recipient, a page at a time (by key): member id, name, role and seat on the notification's committee, the delivery's status and its state in words, tries, when it last changed, and for those not reached why (in words), what to do, and what Teams said. Before the notification is prepared (at its time), its recorded recipients, each waiting to be sent.
         *
         *     Needs the Officer app role (or Admin).
         */
        get: operations["getNotificationsIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow a notification
         * @description Needs the Officer app role (or Admin).
         */
        get: operations["getNotificationsId"];
        put?: never;
        post?: never;
        /**
         * Cancel what has not gone
         * @description Needs the Officer app role (or Admin).
         */
        delete: operations["deleteNotificationsId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a notification the bot held
         * @description For a committee set to "hold": it goes now, or at sendAt, to its audience as it stands then. The body is optional.
         *
         *     Needs the Officer app role (or Admin).
         */
        post: operations["postNotificationsIdSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List meetings
         * @description Soonest first, by committee and period (from inclusive, to exclusive; a day means its start in London), a page at a time.
         *
         *     Needs the Officer app role (or Admin).
         */
        get: operations["getMeetings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a meeting with its agenda
         * @description Its items in agenda order, each with its acknowledgement progress (expected, acknowledged, outstanding): the counts of GET .../acknowledgements without the names.
         *
         *     Needs the Officer app role (or Admin).
         */
        get: operations["getMeetingsId"];
        /**
         * Create or change a meeting by hand
         * @description For councils without ModernGov: committee, date and time, venue, status. The id is the path's. With If-Match, a meeting changed since is refused (412).
         *
         *     Needs the Officer app role (or Admin).
         */
        put: operations["putMeetingsId"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/acknowledgements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who has read a meeting's papers
         * @description As JSON, or with Accept: text/csv as a spreadsheet (UTF-8 with BOM, member by item; cells a spreadsheet would run as a formula are neutralised).
         *
         *     Needs the Officer app role (or Admin).
         */
        get: operations["getMeetingsIdAcknowledgements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agenda-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an agenda item with its decision and history
         * @description Needs the Officer app role (or Admin).
         */
        get: operations["getAgendaItemsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agenda-items/{id}/acknowledgements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who has read an agenda item
         * @description Who acknowledged it (role, seat, when, how) and who is outstanding; with Accept: text/csv, a spreadsheet (UTF-8 with BOM, cells a spreadsheet would run as a formula neutralised).
         *
         *     Needs the Officer app role (or Admin).
         */
        get: operations["getAgendaItemsIdAcknowledgements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agenda-items/{id}/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remind those who have not acknowledged an agenda item
         * @description The Teams "Remind" button's use case: the committee's councillors who have not acknowledged the item get its card in their personal chat, through the outbox (each once, within Teams' limits, quiet hours kept). 202 with the reminder queued and who can be reached; 200 when everyone has acknowledged it. An Idempotency-Key makes a retried request the same reminder. No body.
         *
         *     Needs the Officer app role (or Admin).
         */
        post: operations["postAgendaItemsIdReminders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List decisions
         * @description By committee, by status (one or several, comma-separated: a decision matches when any of its outcomes has one of them today, as the status moves with time) and decided since a day, each outcome with `callIn` (deadline, closing instant, working days left) while its call-in period is open; a page at a time. A page may hold fewer than pageSize decisions, even none, and still have a continuation: ask again with it.
         *
         *     Needs the Officer app role (or Admin).
         */
        get: operations["getDecisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a decision
         * @description Needs the Officer app role (or Admin).
         */
        get: operations["getDecisionsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/action-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start the action plan that follows a decision
         * @description Its title and first actions (owners from the roster, real due dates; done means 100 percent). One plan per decision: a second is refused (409), naming the first.
         *
         *     Needs the Officer app role (or Admin).
         */
        post: operations["postActionPlans"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/action-plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an action plan with its history
         * @description Needs the Officer app role (or Admin).
         */
        get: operations["getActionPlansId"];
        /**
         * Change an action plan
         * @description Its title, and its actions added (no id), changed (title, owner, due date) or removed (left out; its updates stay the record). Progress moves by updates alone. If-Match is required: of two officers editing from the same ETag, the second is refused (412) and keeps their edit. A plan as GET answered it may be sent back: its id, decisionId, committeeId, agendaItemId, createdAt, updatedAt, updates, removedActionIds, overdueActionIds and each action's lastUpdateAt are the record's own and are ignored.
         *
         *     Needs the Officer app role (or Admin).
         */
        put: operations["putActionPlansId"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/action-plans/{id}/actions/{actionId}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an update on an action
         * @description RAG, percent and a note, through the same use case as the Teams card (the owner or an officer; done means 100). With If-Match, a stale update is refused (412) with the plan as it is now (`current`, `currentEtag`) and the update sent (`yours`), to send again. An Idempotency-Key makes a retry the same update.
         *
         *     Needs the Officer app role (or Admin).
         */
        post: operations["postActionPlansIdActionsActionIdUpdates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/action-plans/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Scrutiny report of an action plan
         * @description Each action, its owner, due date, RAG and percent now and its history of updates, overdue actions first, with a summary. A printable HTML page unless asked otherwise; CSV with Accept: text/csv; JSON with Accept: application/json (without text/html).
         *
         *     Needs the Officer app role (or Admin).
         */
        get: operations["getActionPlansIdReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/committees/{id}/action-plans/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Scrutiny report of every action plan of a committee
         * @description The annual review: each plan's actions as they stand, and the updates made within the period (from inclusive, to exclusive). A printable HTML page unless asked otherwise; CSV with Accept: text/csv; JSON with Accept: application/json (without text/html).
         *
         *     Needs the Officer app role (or Admin).
         */
        get: operations["getCommitteesIdActionPlansReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the ModernGov sync is going
         * @description Needs the Officer app role (or Admin).
         */
        get: operations["getSync"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the audit log
         * @description Admins only. Who was shown exempt business, who pushed, scheduled, sent or cancelled a notification, who changed the roster or a committee: newest first, filtered by actor, action (one or several, comma-separated), target and period (from inclusive, to exclusive), a page at a time.
         *
         *     Needs the Admin app role.
         */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document
         * @description The OpenAPI 3.1 document of the officer API. It holds no data, so it needs no token.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        WhoAmI: {
            id: string;
            name?: string;
            roles: ("Officer" | "Admin")[];
            /** @enum {string} */
            via: "entra" | "static-token";
        };
        Problem: {
            type: string;
            status: number;
            title: string;
            detail: string;
            requestId?: string;
            code?: string;
            errors?: {
                where: string;
                message: string;
            }[];
        };
        Committee: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "cabinet" | "council" | "scrutiny" | "regulatory" | "other";
            /** @default 5 */
            callInWorkingDays: number;
            externalId?: string;
            notifications?: {
                /**
                 * @default notify
                 * @enum {string}
                 */
                agendaPublished: "notify" | "hold" | "off";
                /** @default 48 */
                reminderHoursBefore: number | null;
                /**
                 * @default notify
                 * @enum {string}
                 */
                decisionPublished: "notify" | "off";
                /**
                 * @default notify
                 * @enum {string}
                 */
                callInEnded: "notify" | "hold" | "off";
                /**
                 * @default notify
                 * @enum {string}
                 */
                overdueActions: "notify" | "off";
            };
        };
        Committees: {
            committees: components["schemas"]["Committee"][];
        };
        AgendaItem: {
            id: string;
            committeeId: string;
            meetingId?: string;
            number?: string;
            title: string;
            titleAsPublished: string;
            /** @default  */
            summary: string;
            portfolioHolder?: string;
            leadOfficer?: {
                name: string;
                role?: string;
            };
            /** @default [] */
            recommendations: string[];
            /** @default [] */
            documents: {
                title: string;
                /** Format: uri */
                url?: string;
                /** @default false */
                restricted: boolean;
                publishedOn?: string;
            }[];
            /** @default true */
            forDecision: boolean;
            /** @default false */
            exempt: boolean;
            exemptReason?: string;
            minutes?: string;
            /** Format: date-time */
            withdrawnAt?: string;
            source?: {
                /** @enum {string} */
                kind: "moderngov-agenda-item" | "moderngov-decision" | "moderngov-meeting-xml" | "json" | "manual";
                url?: string;
                externalId?: string;
                /** Format: date-time */
                importedAt?: string;
            };
            /** @default [] */
            history: {
                /** Format: date-time */
                at: string;
                by: string;
                changes: {
                    field: string;
                    from?: unknown;
                    to?: unknown;
                }[];
            }[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Decision: {
            id: string;
            committeeId: string;
            agendaItemId?: string;
            meetingId?: string;
            title: string;
            decisionMaker: string;
            /** @enum {string} */
            type: "key" | "non-key" | "unknown";
            subjectToCallIn?: boolean;
            /** @default false */
            urgent: boolean;
            /** @default [] */
            outcomes: {
                number: number;
                /** @enum {string} */
                verb: "NOTED" | "APPROVED" | "AGREED" | "RESOLVED" | "RECOMMENDED" | "DEFERRED" | "REJECTED" | "DELEGATED" | "ENDORSED" | "ADOPTED" | "AUTHORISED" | "WITHDRAWN" | "REFERRED" | "DECIDED";
                target?: string;
                text: string;
                /** @enum {string} */
                status: "scheduled" | "made" | "call-in-open" | "effective" | "called-in" | "confirmed" | "referred-back" | "noted" | "awaiting-council" | "approved-by-council" | "amended-by-council" | "rejected-by-council" | "deferred" | "withdrawn";
                /** Format: date-time */
                statusSince?: string;
                councilMeetingId?: string;
                councilDecisionId?: string;
            }[];
            /** @default [] */
            reasons: string[];
            /** @default [] */
            alternatives: string[];
            purpose?: string;
            publishedStatus?: string;
            /** @default [] */
            minutes: string[];
            /** @default [] */
            discussionPoints: string[];
            decidedOn?: string;
            publishedOn?: string;
            /** @default [] */
            documents: {
                title: string;
                /** Format: uri */
                url?: string;
                /** @default false */
                restricted: boolean;
                publishedOn?: string;
            }[];
            /** @default false */
            exempt: boolean;
            source?: {
                /** @enum {string} */
                kind: "moderngov-agenda-item" | "moderngov-decision" | "moderngov-meeting-xml" | "json" | "manual";
                url?: string;
                externalId?: string;
                /** Format: date-time */
                importedAt?: string;
            };
            /** @default [] */
            history: {
                /** Format: date-time */
                at: string;
                by: string;
                changes: {
                    field: string;
                    from?: unknown;
                    to?: unknown;
                }[];
            }[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ImportWarning: {
            /** @enum {string} */
            code: "document-year-mismatch" | "decision-type-missing" | "outcomes-out-of-order" | "outcomes-differ" | "outcome-verb-unknown" | "council-meeting-unknown" | "restricted-or-exempt" | "date-unreadable" | "document-url-unresolved" | "meeting-time-missing" | "nothing-to-import" | "agenda-item-withdrawn" | "committee-unknown";
            message: string;
            where: string;
        };
        Meeting: {
            id: string;
            committeeId: string;
            /** Format: date-time */
            startsAt: string;
            venue?: string;
            /**
             * @default scheduled
             * @enum {string}
             */
            status: "scheduled" | "held" | "cancelled" | "postponed";
            /** Format: date-time */
            agendaPublishedAt?: string;
            agendaExpectedOn?: string;
            source?: {
                /** @enum {string} */
                kind: "moderngov-agenda-item" | "moderngov-decision" | "moderngov-meeting-xml" | "json" | "manual";
                url?: string;
                externalId?: string;
                /** Format: date-time */
                importedAt?: string;
            };
        };
        ImportResult: {
            agendaItem: components["schemas"]["AgendaItem"] | null;
            decision: components["schemas"]["Decision"] | null;
            warnings: components["schemas"]["ImportWarning"][];
            meeting?: components["schemas"]["Meeting"] | null;
            agendaItems?: components["schemas"]["AgendaItem"][];
            councilLinked?: {
                id: string;
                title: string;
                committeeId: string;
                outcomes: {
                    number: number;
                    /** @enum {string} */
                    verb: "NOTED" | "APPROVED" | "AGREED" | "RESOLVED" | "RECOMMENDED" | "DEFERRED" | "REJECTED" | "DELEGATED" | "ENDORSED" | "ADOPTED" | "AUTHORISED" | "WITHDRAWN" | "REFERRED" | "DECIDED";
                    target?: string;
                    text: string;
                    /** @enum {string} */
                    status: "scheduled" | "made" | "call-in-open" | "effective" | "called-in" | "confirmed" | "referred-back" | "noted" | "awaiting-council" | "approved-by-council" | "amended-by-council" | "rejected-by-council" | "deferred" | "withdrawn";
                    /** Format: date-time */
                    statusSince?: string;
                    councilMeetingId?: string;
                    councilDecisionId?: string;
                }[];
            }[];
            notifications?: {
                planned: {
                    id: string;
                    /** @enum {string} */
                    kind: "agenda-item" | "meeting-digest" | "reminder" | "decision-published" | "call-in-ended" | "overdue-actions" | "card-update" | "notice";
                    /** @enum {string} */
                    status: "held" | "scheduled" | "sending" | "completed" | "cancelled";
                    sendAt: string;
                }[];
                problem?: string;
            };
        };
        MemberReach: {
            /** @enum {string} */
            status: "reachable" | "to-try" | "blocked" | "no-teams-account" | "left";
            why: string;
        };
        Member: {
            id: string;
            name: string;
            /** @enum {string} */
            role: "councillor" | "officer" | "admin";
            title?: string;
            /** Format: email */
            email?: string;
            /** Format: uuid */
            aadObjectId?: string;
            modernGovMemberId?: string;
            /** @default [] */
            committees: {
                committeeId: string;
                /** @default Member */
                seat: string;
            }[];
            endsOn?: string;
        };
        Members: {
            members: (components["schemas"]["Member"] & {
                reach?: components["schemas"]["MemberReach"];
            })[];
        };
        RosterImport: {
            /** @enum {boolean} */
            ok: true;
            dryRun: boolean;
            rows: number;
            created: number;
            updated: number;
            unchanged: number;
            members: {
                line: number;
                id: string;
                /** @enum {string} */
                outcome: "created" | "updated" | "unchanged";
            }[];
        };
        NotificationPreview: {
            /** @enum {string} */
            kind: "agenda-item" | "meeting-digest";
            recipients: {
                total: number;
                members: number;
                channels: number;
            };
            /**
             * Format: date-time
             * @description When it was asked to go: now, or its schedule.
             */
            sendAt: string;
            /**
             * Format: date-time
             * @description When it would go: later than sendAt during quiet hours, unless urgent.
             */
            sendsAt: string;
            /** @enum {string} */
            heldBy: "nothing" | "schedule" | "quiet-hours";
            audiences: {
                /** @enum {string} */
                audience: "member" | "channel";
                drawnFor: {
                    memberId?: string;
                    conversationId?: string;
                    name: string;
                };
                /** @description The message's words (plain text), as Teams shows them in its notification and chat list. */
                text?: string;
                cards: {
                    [key: string]: unknown;
                }[];
            }[];
        };
        Recipient: {
            key: string;
            /** @enum {string} */
            kind: "member" | "channel";
            memberId?: string;
            conversationId?: string;
            name: string;
            /** @enum {string} */
            action: "send" | "update";
            /** @enum {string} */
            status: "pending" | "sending" | "sent" | "failed" | "blocked" | "unreachable" | "cancelled";
            attempts: number;
            lastError?: string;
            /** Format: date-time */
            sentAt?: string;
            unreachable?: {
                /** @enum {string} */
                reason: "no-teams-account" | "no-chat" | "blocked" | "chat-gone" | "install-failed" | "left";
                why: string;
                advice: string;
                detail?: string;
            };
        };
        NotificationStatus: {
            id: string;
            /** @enum {string} */
            kind: "agenda-item" | "meeting-digest" | "reminder" | "decision-published" | "call-in-ended" | "overdue-actions" | "card-update" | "notice";
            /** @enum {string} */
            status: "held" | "scheduled" | "sending" | "completed" | "cancelled";
            about: {
                /** @enum {string} */
                kind: "item" | "meeting" | "decision" | "member" | "gone";
                title: string;
                committeeName?: string;
                /** Format: date-time */
                startsAt?: string;
            };
            /** Format: date-time */
            sendAt: string;
            urgent: boolean;
            message?: string;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            completedAt?: string;
            /** Format: date-time */
            cancelledAt?: string;
            cancelledBy?: string;
            counts: {
                total: number;
                pending: number;
                sent: number;
                failed: number;
                blocked: number;
                unreachable: number;
                cancelled: number;
                acknowledged: number;
            };
            unreachable: components["schemas"]["Recipient"][];
            failed: components["schemas"]["Recipient"][];
            recipients?: components["schemas"]["Recipient"][];
        };
        Notification: {
            id: string;
            /** @enum {string} */
            kind: "agenda-item" | "meeting-digest" | "reminder" | "decision-published" | "call-in-ended" | "overdue-actions" | "card-update" | "notice";
            committeeId?: string;
            subject: {
                agendaItemId?: string;
                meetingId?: string;
                decisionId?: string;
                memberId?: string;
            };
            audience: {
                /** @default [] */
                committeeIds: string[];
                /** @default [] */
                memberIds: string[];
                /** @default [] */
                channelIds: string[];
            };
            /** @enum {string} */
            resolveAudience: "on-create" | "when-due";
            message?: string;
            change?: {
                /** @enum {string} */
                kind: "meeting-cancelled";
                /** Format: date-time */
                startsAt: string;
            } | {
                /** @enum {string} */
                kind: "meeting-postponed";
                /** Format: date-time */
                startsAt: string;
            } | {
                /** @enum {string} */
                kind: "meeting-moved";
                from: {
                    /** Format: date-time */
                    startsAt: string;
                    venue?: string;
                };
                to: {
                    /** Format: date-time */
                    startsAt: string;
                    venue?: string;
                };
            } | {
                /** @enum {string} */
                kind: "papers-added";
                titles: string[];
            };
            /** @default false */
            urgent: boolean;
            /** @enum {string} */
            origin: "officer" | "schedule";
            /** Format: date-time */
            sendAt: string;
            /** @enum {string} */
            status: "held" | "scheduled" | "sending" | "completed" | "cancelled";
            recipients?: {
                members: {
                    id: string;
                    name: string;
                }[];
                channels: {
                    conversationId: string;
                    name: string;
                }[];
            };
            prepared: boolean;
            recipientCount?: number;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            completedAt?: string;
            /** Format: date-time */
            cancelledAt?: string;
            cancelledBy?: string;
            progressCard?: {
                conversationId: string;
                activityId: string;
            };
            dedupeKey?: string;
        };
        Notifications: {
            notifications: components["schemas"]["Notification"][];
            continuation?: string;
        };
        Delivery: {
            key: string;
            /** @enum {string} */
            kind: "member" | "channel";
            memberId?: string;
            conversationId?: string;
            name: string;
            /** @enum {string} */
            role?: "councillor" | "officer" | "admin";
            seat?: string;
            /** @enum {string} */
            status: "pending" | "sending" | "sent" | "failed" | "blocked" | "unreachable" | "cancelled";
            /** @description Where it stands, in words: delivered, waiting to try again after 3 tries ..., cannot be reached: has not opened the bot. */
            state: string;
            attempts: number;
            /**
             * Format: date-time
             * @description When it last changed.
             */
            at: string;
            /** Format: date-time */
            sentAt?: string;
            unreachable?: {
                /** @enum {string} */
                reason: "no-teams-account" | "no-chat" | "blocked" | "chat-gone" | "install-failed" | "left";
                why: string;
                advice: string;
                detail?: string;
            };
            lastError?: string;
        };
        Deliveries: {
            deliveries: components["schemas"]["Delivery"][];
            continuation?: string;
        };
        NotificationCancelled: {
            id: string;
            /** @enum {string} */
            kind: "agenda-item" | "meeting-digest" | "reminder" | "decision-published" | "call-in-ended" | "overdue-actions" | "card-update" | "notice";
            /** @enum {string} */
            status: "held" | "scheduled" | "sending" | "completed" | "cancelled";
            about: {
                /** @enum {string} */
                kind: "item" | "meeting" | "decision" | "member" | "gone";
                title: string;
                committeeName?: string;
                /** Format: date-time */
                startsAt?: string;
            };
            /** Format: date-time */
            sendAt: string;
            urgent: boolean;
            message?: string;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            completedAt?: string;
            /** Format: date-time */
            cancelledAt?: string;
            cancelledBy?: string;
            counts: {
                total: number;
                pending: number;
                sent: number;
                failed: number;
                blocked: number;
                unreachable: number;
                cancelled: number;
                acknowledged: number;
            };
            unreachable: components["schemas"]["Recipient"][];
            failed: components["schemas"]["Recipient"][];
            recipients?: components["schemas"]["Recipient"][];
            cancelledDeliveries: number;
        };
        Meetings: {
            meetings: components["schemas"]["Meeting"][];
            continuation?: string;
        };
        AcknowledgementProgress: {
            /** @description The committee's sitting councillors (0 for a withdrawn item). */
            expected: number;
            acknowledged: number;
            outstanding: number;
        };
        MeetingWithItems: components["schemas"]["Meeting"] & {
            items: (components["schemas"]["AgendaItem"] & {
                acknowledgements: components["schemas"]["AcknowledgementProgress"];
            })[];
        };
        ItemAcknowledgements: {
            item: {
                id: string;
                committeeId: string;
                meetingId?: string;
                number?: string;
                title: string;
                exempt: boolean;
            };
            acknowledged: {
                memberId: string;
                name: string;
                /** @enum {string} */
                role?: "councillor" | "officer" | "admin";
                seat?: string;
                /** Format: date-time */
                acknowledgedAt: string;
                via: {
                    /** @enum {string} */
                    channel: "teams" | "api";
                    conversationId?: string;
                    activityId?: string;
                };
            }[];
            outstanding: {
                memberId: string;
                name: string;
                /** @enum {string} */
                role: "councillor" | "officer" | "admin";
                seat: string;
            }[];
        };
        MeetingAcknowledgements: {
            meeting: {
                id: string;
                committeeId: string;
                /** Format: date-time */
                startsAt: string;
            };
            items: components["schemas"]["ItemAcknowledgements"][];
        };
        StatusDescription: {
            /** @enum {string} */
            status: "scheduled" | "made" | "call-in-open" | "effective" | "called-in" | "confirmed" | "referred-back" | "noted" | "awaiting-council" | "approved-by-council" | "amended-by-council" | "rejected-by-council" | "deferred" | "withdrawn";
            label: string;
            since?: string;
            next?: string;
            nextOn?: string;
            final: boolean;
        };
        CallInCountdown: {
            /** @description The last day it may be called in (yyyy-mm-dd, London). */
            deadline: string;
            /** @description When the period closes: 17:00 London time on the deadline. */
            closesAt: string;
            /** @description Working days after today up to the deadline (weekends and bank holidays not counted); 0 on the deadline day. */
            workingDaysLeft: number;
        };
        DecisionView: {
            id: string;
            committeeId: string;
            agendaItemId?: string;
            meetingId?: string;
            title: string;
            decisionMaker: string;
            /** @enum {string} */
            type: "key" | "non-key" | "unknown";
            subjectToCallIn?: boolean;
            /** @default false */
            urgent: boolean;
            outcomes: {
                number: number;
                /** @enum {string} */
                verb: "NOTED" | "APPROVED" | "AGREED" | "RESOLVED" | "RECOMMENDED" | "DEFERRED" | "REJECTED" | "DELEGATED" | "ENDORSED" | "ADOPTED" | "AUTHORISED" | "WITHDRAWN" | "REFERRED" | "DECIDED";
                target?: string;
                text: string;
                /** @enum {string} */
                status: "scheduled" | "made" | "call-in-open" | "effective" | "called-in" | "confirmed" | "referred-back" | "noted" | "awaiting-council" | "approved-by-council" | "amended-by-council" | "rejected-by-council" | "deferred" | "withdrawn";
                /** Format: date-time */
                statusSince?: string;
                councilMeetingId?: string;
                councilDecisionId?: string;
                current: components["schemas"]["StatusDescription"];
                callIn?: components["schemas"]["CallInCountdown"];
            }[];
            /** @default [] */
            reasons: string[];
            /** @default [] */
            alternatives: string[];
            purpose?: string;
            publishedStatus?: string;
            /** @default [] */
            minutes: string[];
            /** @default [] */
            discussionPoints: string[];
            decidedOn?: string;
            publishedOn?: string;
            /** @default [] */
            documents: {
                title: string;
                /** Format: uri */
                url?: string;
                /** @default false */
                restricted: boolean;
                publishedOn?: string;
            }[];
            /** @default false */
            exempt: boolean;
            source?: {
                /** @enum {string} */
                kind: "moderngov-agenda-item" | "moderngov-decision" | "moderngov-meeting-xml" | "json" | "manual";
                url?: string;
                externalId?: string;
                /** Format: date-time */
                importedAt?: string;
            };
            /** @default [] */
            history: {
                /** Format: date-time */
                at: string;
                by: string;
                changes: {
                    field: string;
                    from?: unknown;
                    to?: unknown;
                }[];
            }[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AgendaItemRecord: components["schemas"]["AgendaItem"] & {
            meeting?: components["schemas"]["Meeting"];
            decision?: components["schemas"]["DecisionView"];
        };
        NobodyToRemind: {
            item: {
                id: string;
                committeeId: string;
                committeeName: string;
                title: string;
            };
            outstanding: {
                memberId: string;
                name: string;
            }[];
            detail: string;
        };
        ReminderQueued: {
            item: {
                id: string;
                committeeId: string;
                committeeName: string;
                title: string;
            };
            repeated: boolean;
            outstanding: {
                memberId: string;
                name: string;
                seat?: string;
            }[];
            reach: {
                reachable: {
                    memberId: string;
                    name: string;
                }[];
                toTry: {
                    memberId: string;
                    name: string;
                }[];
                unreachable: {
                    memberId: string;
                    name: string;
                    /** @enum {string} */
                    reason: "no-teams-account" | "no-chat" | "blocked" | "chat-gone" | "install-failed" | "left";
                    why: string;
                }[];
            };
            /** Format: date-time */
            sendsAt: string;
            notification: components["schemas"]["NotificationStatus"];
        };
        Decisions: {
            decisions: components["schemas"]["DecisionView"][];
            continuation?: string;
        };
        ActionPlan: {
            id: string;
            committeeId: string;
            decisionId: string;
            agendaItemId?: string;
            title: string;
            /** @default [] */
            actions: {
                id: string;
                title: string;
                ownerMemberId: string;
                dueOn: string;
                /**
                 * @default on-track
                 * @enum {string}
                 */
                rag: "on-track" | "at-risk" | "off-track" | "done";
                /** @default 0 */
                percentComplete: number;
                /** Format: date-time */
                lastUpdateAt?: string;
            }[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ActionUpdate: {
            id: string;
            actionPlanId: string;
            committeeId: string;
            actionId: string;
            byMemberId: string;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            rag: "on-track" | "at-risk" | "off-track" | "done";
            percentComplete: number;
            /** @default  */
            note: string;
        };
        ActionPlanRecord: components["schemas"]["ActionPlan"] & {
            updates: components["schemas"]["ActionUpdate"][];
            removedActionIds: string[];
            overdueActionIds: string[];
        };
        UpdatedAction: components["schemas"]["ActionPlan"] & {
            updates: components["schemas"]["ActionUpdate"][];
        };
        /** @enum {string} */
        Rag: "on-track" | "at-risk" | "off-track" | "done";
        ScrutinyReport: {
            plan: {
                id: string;
                title: string;
                committeeId: string;
                decisionId: string;
            };
            committeeName: string;
            decisionTitle?: string;
            asOf: string;
            summary: {
                "on-track": number;
                "at-risk": number;
                "off-track": number;
                done: number;
                overdue: number;
                total: number;
            };
            actions: {
                id: string;
                title: string;
                owner: string;
                dueOn: string;
                rag: components["schemas"]["Rag"];
                percentComplete: number;
                overdue: boolean;
                history: {
                    /** Format: date-time */
                    at: string;
                    by: string;
                    rag: components["schemas"]["Rag"];
                    percentComplete: number;
                    note: string;
                }[];
            }[];
        };
        CommitteeScrutinyReport: {
            committee: {
                id: string;
                name: string;
            };
            period: {
                /** Format: date-time */
                from?: string;
                /** Format: date-time */
                to?: string;
            };
            asOf: string;
            summary: {
                "on-track": number;
                "at-risk": number;
                "off-track": number;
                done: number;
                overdue: number;
                total: number;
            };
            plans: components["schemas"]["ScrutinyReport"][];
        };
        CommitteeSyncRun: {
            committeeId: string;
            modernGovCommitteeId: string;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string;
            dryRun: boolean;
            meetingsSeen: number;
            imported: number;
            unchanged: number;
            failed: {
                modernGovMeetingId?: string;
                where: string;
                why: string;
            }[];
            /** @default [] */
            membershipProposals: {
                memberId: string;
                name: string;
                modernGovMemberId: string;
                role?: string;
                modernGovMeetingId: string;
            }[];
        };
        SyncStatus: {
            site: string | null;
            following: {
                committeeId: string;
                name: string;
                modernGovCommitteeId: string;
            }[];
            runs: components["schemas"]["CommitteeSyncRun"][];
        };
        AuditEntry: {
            id: string;
            /** Format: date-time */
            at: string;
            actor: {
                id: string;
                name?: string;
                memberId?: string;
                /** @enum {string} */
                via: "teams" | "api" | "cli" | "sync";
            };
            /** @enum {string} */
            action: "exempt.viewed" | "notification.pushed" | "notification.scheduled" | "notification.cancelled" | "notification.sent" | "member.created" | "member.changed" | "member.ended" | "roster.imported" | "committee.created" | "committee.changed";
            target: {
                /** @enum {string} */
                kind: "agendaItem" | "decision" | "meeting" | "notification" | "member" | "committee" | "roster";
                id: string;
                label?: string;
            };
            requestId?: string;
            details?: {
                [key: string]: string | number | boolean | string[];
            };
        };
        AuditEntries: {
            entries: components["schemas"]["AuditEntry"][];
            continuation?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getWhoami: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhoAmI"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCommittees: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every committee. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Committees"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putCommitteesId: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id?: string;
                    name: string;
                    /** @enum {string} */
                    kind: "cabinet" | "council" | "scrutiny" | "regulatory" | "other";
                    /** @default 5 */
                    callInWorkingDays?: number;
                    externalId?: string;
                    notifications?: {
                        /**
                         * @default notify
                         * @enum {string}
                         */
                        agendaPublished?: "notify" | "hold" | "off";
                        /** @default 48 */
                        reminderHoursBefore?: number | null;
                        /**
                         * @default notify
                         * @enum {string}
                         */
                        decisionPublished?: "notify" | "off";
                        /**
                         * @default notify
                         * @enum {string}
                         */
                        callInEnded?: "notify" | "hold" | "off";
                        /**
                         * @default notify
                         * @enum {string}
                         */
                        overdueActions?: "notify" | "off";
                    };
                };
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    /** @description The record's version, quoted: send it back in If-Match to change it. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Committee"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    /** @description The record's version, quoted: send it back in If-Match to change it. */
                    ETag?: string;
                    /** @description Where the record created can be read. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Committee"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed by someone else since the ETag sent in If-Match. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not in a media type this operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed but not valid; `errors` lists each problem, and nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postImports: {
        parameters: {
            query?: {
                dryRun?: "true" | "false";
                createCommittee?: "true" | "false";
                meetingId?: string;
                committeeId?: string;
                sourceUrl?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/plain": string;
                "text/html": string;
                "application/xml": string;
            };
        };
        responses: {
            /** @description A dry run: what the import would store, and the warnings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description Imported: what was stored, the warnings and the notifications planned. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description It exists already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than MAX_BODY_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not in a media type this operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed but not valid; `errors` lists each problem, and nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store or the page reader is not available; try again. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMembers: {
        parameters: {
            query?: {
                reach?: "true" | "false";
            };
            header?: {
                Accept?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every member, former members included. */
            200: {
                headers: {
                    /** @description Accept: the answer depends on the media type asked for. */
                    Vary?: string;
                    /** @description For CSV: a file name that says what the file is. */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Members"];
                    "text/csv": string;
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMembersId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member. */
            200: {
                headers: {
                    /** @description The record's version, quoted: send it back in If-Match to change it. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMembersId: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id?: string;
                    name: string;
                    /** @enum {string} */
                    role: "councillor" | "officer" | "admin";
                    title?: string;
                    /** Format: email */
                    email?: string;
                    /** Format: uuid */
                    aadObjectId?: string;
                    modernGovMemberId?: string;
                    /** @default [] */
                    committees?: {
                        committeeId: string;
                        /** @default Member */
                        seat?: string;
                    }[];
                    endsOn?: string;
                };
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    /** @description The record's version, quoted: send it back in If-Match to change it. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    /** @description The record's version, quoted: send it back in If-Match to change it. */
                    ETag?: string;
                    /** @description Where the record created can be read. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed by someone else since the ETag sent in If-Match. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not in a media type this operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed but not valid; `errors` lists each problem, and nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMembersImport: {
        parameters: {
            query?: {
                dryRun?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description Imported (or, with dryRun=true, checked): what changed, member by member. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RosterImport"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than MAX_BODY_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not in a media type this operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed but not valid; `errors` lists each problem, and nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postNotificationsPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    agendaItemId?: string;
                    meetingId?: string;
                    audience?: {
                        committeeIds?: string[];
                        memberIds?: string[];
                    };
                    channelIds?: string[];
                    /** Format: date-time */
                    sendAt?: string;
                    message?: string;
                    urgent?: boolean;
                };
            };
        };
        responses: {
            /** @description What the push would send; nothing stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreview"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not in a media type this operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed but not valid; `errors` lists each problem, and nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotifications: {
        parameters: {
            query?: {
                pageSize?: number;
                continuation?: string;
                committeeId?: string;
                agendaItemId?: string;
                meetingId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notifications; continuation when there are more. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notifications"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postNotifications: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    agendaItemId?: string;
                    meetingId?: string;
                    audience?: {
                        committeeIds?: string[];
                        memberIds?: string[];
                    };
                    channelIds?: string[];
                    /** Format: date-time */
                    sendAt?: string;
                    message?: string;
                    urgent?: boolean;
                };
            };
        };
        responses: {
            /** @description Recorded; sending in the background. */
            202: {
                headers: {
                    /** @description Where the record created can be read. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationStatus"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description It exists already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not in a media type this operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed but not valid; `errors` lists each problem, and nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotificationsIdDeliveries: {
        parameters: {
            query?: {
                pageSize?: number;
                continuation?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries; continuation when there are more. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deliveries"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotificationsId: {
        parameters: {
            query?: {
                recipients?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Its status, counts and who could not be reached. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationStatus"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteNotificationsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled: its status, and how many deliveries were cancelled. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationCancelled"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed but not valid; `errors` lists each problem, and nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postNotificationsIdSend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    sendAt?: string;
                    urgent?: boolean;
                };
            };
        };
        responses: {
            /** @description Released; sending in the background. */
            202: {
                headers: {
                    /** @description Where the record created can be read. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationStatus"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not in a media type this operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed but not valid; `errors` lists each problem, and nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeetings: {
        parameters: {
            query?: {
                committeeId?: string;
                from?: string;
                to?: string;
                pageSize?: number;
                continuation?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of meetings; continuation when there are more. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meetings"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeetingsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The meeting and its items in agenda order. */
            200: {
                headers: {
                    /** @description The record's version, quoted: send it back in If-Match to change it. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingWithItems"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMeetingsId: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id?: string;
                    committeeId: string;
                    /** Format: date-time */
                    startsAt: string;
                    venue?: string;
                    /**
                     * @default scheduled
                     * @enum {string}
                     */
                    status?: "scheduled" | "held" | "cancelled" | "postponed";
                    /** Format: date-time */
                    agendaPublishedAt?: string;
                    agendaExpectedOn?: string;
                };
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    /** @description The record's version, quoted: send it back in If-Match to change it. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meeting"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    /** @description The record's version, quoted: send it back in If-Match to change it. */
                    ETag?: string;
                    /** @description Where the record created can be read. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meeting"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed by someone else since the ETag sent in If-Match. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not in a media type this operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed but not valid; `errors` lists each problem, and nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeetingsIdAcknowledgements: {
        parameters: {
            query?: never;
            header?: {
                Accept?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record of each item. */
            200: {
                headers: {
                    /** @description Accept: the answer depends on the media type asked for. */
                    Vary?: string;
                    /** @description For CSV: a file name that says what the file is. */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingAcknowledgements"];
                    "text/csv": string;
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAgendaItemsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item, its meeting and its decision. */
            200: {
                headers: {
                    /** @description The record's version, quoted: send it back in If-Match to change it. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaItemRecord"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAgendaItemsIdAcknowledgements: {
        parameters: {
            query?: never;
            header?: {
                Accept?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The acknowledgement record. */
            200: {
                headers: {
                    /** @description Accept: the answer depends on the media type asked for. */
                    Vary?: string;
                    /** @description For CSV: a file name that says what the file is. */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAcknowledgements"];
                    "text/csv": string;
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAgendaItemsIdReminders: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Everyone has acknowledged it: nobody needs a reminder, nothing queued. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NobodyToRemind"];
                };
            };
            /** @description Queued; sending in the background. */
            202: {
                headers: {
                    /** @description Where the record created can be read. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderQueued"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description It exists already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed but not valid; `errors` lists each problem, and nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDecisions: {
        parameters: {
            query?: {
                committeeId?: string;
                status?: string;
                since?: string;
                pageSize?: number;
                continuation?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of decisions; continuation when there may be more. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Decisions"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDecisionsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The decision, each outcome's status as of today. */
            200: {
                headers: {
                    /** @description The record's version, quoted: send it back in If-Match to change it. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionView"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postActionPlans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** @default [] */
                    actions?: {
                        id?: string;
                        title: string;
                        ownerMemberId: string;
                        dueOn: string;
                        /** @enum {string} */
                        rag?: "on-track" | "at-risk" | "off-track" | "done";
                        percentComplete?: number;
                    }[];
                    decisionId: string;
                    id?: string;
                };
            };
        };
        responses: {
            /** @description Started. */
            201: {
                headers: {
                    /** @description The record's version, quoted: send it back in If-Match to change it. */
                    ETag?: string;
                    /** @description Where the record created can be read. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionPlan"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description It exists already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not in a media type this operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed but not valid; `errors` lists each problem, and nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getActionPlansId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan, every update oldest first, removed and overdue actions. */
            200: {
                headers: {
                    /** @description The record's version, quoted: send it back in If-Match to change it. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionPlanRecord"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putActionPlansId: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    actions?: {
                        id?: string;
                        title: string;
                        ownerMemberId: string;
                        dueOn: string;
                        /** @enum {string} */
                        rag?: "on-track" | "at-risk" | "off-track" | "done";
                        percentComplete?: number;
                        /**
                         * Format: date-time
                         * @description Ignored: the plan's own.
                         */
                        lastUpdateAt?: string;
                    }[];
                    /** @description Ignored: the plan's own. */
                    id?: string;
                    /** @description Ignored: the plan's own. */
                    decisionId?: string;
                    /** @description Ignored: the plan's own. */
                    committeeId?: string;
                    /** @description Ignored: the plan's own. */
                    agendaItemId?: string;
                    /**
                     * Format: date-time
                     * @description Ignored: the plan's own.
                     */
                    createdAt?: string;
                    /**
                     * Format: date-time
                     * @description Ignored: the plan's own.
                     */
                    updatedAt?: string;
                    /** @description Ignored: the plan's own. */
                    updates?: unknown[];
                    /** @description Ignored: the plan's own. */
                    removedActionIds?: string[];
                    /** @description Ignored: the plan's own. */
                    overdueActionIds?: string[];
                };
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    /** @description The record's version, quoted: send it back in If-Match to change it. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionPlan"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed by someone else since the ETag sent in If-Match. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not in a media type this operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed but not valid; `errors` lists each problem, and nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postActionPlansIdActionsActionIdUpdates: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                actionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    rag: "on-track" | "at-risk" | "off-track" | "done";
                    percentComplete: number;
                    /** @default  */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Recorded: the plan and the action's updates. */
            201: {
                headers: {
                    /** @description The record's version, quoted: send it back in If-Match to change it. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdatedAction"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed by someone else since the ETag sent in If-Match. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not in a media type this operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed but not valid; `errors` lists each problem, and nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getActionPlansIdReport: {
        parameters: {
            query?: never;
            header?: {
                Accept?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    /** @description Accept: the answer depends on the media type asked for. */
                    Vary?: string;
                    /** @description For CSV: a file name that says what the file is. */
                    "Content-Disposition"?: string;
                    /** @description For the printable page: nothing on it may run or load anything. */
                    "Content-Security-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "text/csv": string;
                    "application/json": components["schemas"]["ScrutinyReport"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCommitteesIdActionPlansReport: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: {
                Accept?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    /** @description Accept: the answer depends on the media type asked for. */
                    Vary?: string;
                    /** @description For CSV: a file name that says what the file is. */
                    "Content-Disposition"?: string;
                    /** @description For the printable page: nothing on it may run or load anything. */
                    "Content-Security-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "text/csv": string;
                    "application/json": components["schemas"]["CommitteeScrutinyReport"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: the record named does not exist (or is not the caller's to see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSync: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The site followed, the committees synced and each one's last run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncStatus"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                actor?: string;
                action?: string;
                targetId?: string;
                from?: string;
                to?: string;
                pageSize?: number;
                continuation?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries; continuation when there are more. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntries"];
                };
            };
            /** @description Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bearer token, or one that was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token carries neither app role this needs, or the caller may not do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed but not valid; `errors` lists each problem, and nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                    };
                };
            };
        };
    };
}
