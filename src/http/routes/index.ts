import type { ApiRoute } from '../server';
import { actionPlanRoutes } from './action-plans';
import { agendaItemRoutes } from './agenda-items';
import { auditRoutes } from './audit';
import { committeeRoutes } from './committees';
import { decisionRoutes } from './decisions';
import { importRoutes } from './imports';
import { meetingRoutes } from './meetings';
import { memberRoutes } from './members';
import { notificationRoutes } from './notifications';
import { syncRoutes } from './sync';
import { whoAmIRoutes } from './whoami';
import type { RouteDeps } from './route-deps';

/** Every officer API route; each file holds one resource. All need a bearer token (see officer-auth.ts). */
export function officerRoutes(deps: RouteDeps): ApiRoute[] {
  return [
    ...whoAmIRoutes(), ...committeeRoutes(deps), ...importRoutes(deps), ...memberRoutes(deps), ...notificationRoutes(deps),
    ...meetingRoutes(deps), ...agendaItemRoutes(deps), ...decisionRoutes(deps), ...actionPlanRoutes(deps), ...syncRoutes(deps),
    ...auditRoutes(deps),
  ];
}
