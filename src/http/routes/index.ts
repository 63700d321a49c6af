import type { ApiRoute } from '../server';
import { committeeRoutes } from './committees';
import { importRoutes } from './imports';
import { memberRoutes } from './members';
import { notificationRoutes } from './notifications';
import { syncRoutes } from './sync';
import { whoAmIRoutes } from './whoami';
import type { RouteDeps } from './route-deps';

/** Every officer API route; each file holds one resource. All need a bearer token (see officer-auth.ts). */
export function officerRoutes(deps: RouteDeps): ApiRoute[] {
  return [...whoAmIRoutes(), ...committeeRoutes(deps), ...importRoutes(deps), ...memberRoutes(deps), ...notificationRoutes(deps), ...syncRoutes(deps)];
}
