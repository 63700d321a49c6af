/** An Application Insights connection string names at least its instrumentation key (a GUID). */
export const isConnectionString = (value: string): boolean =>
  /(^|;)\s*InstrumentationKey=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s*(;|$)/i.test(value);
