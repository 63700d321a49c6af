import { startTelemetry } from './start-telemetry';

/**
 * Imported first by src/index.ts, before anything loads http, restify, botbuilder or the Azure SDKs: instrumentation
 * has to be in place when they load. On only when APPLICATIONINSIGHTS_CONNECTION_STRING is set (in the environment or .env).
 */
export const telemetry = startTelemetry(process.env);
