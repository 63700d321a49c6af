/** ModernGov writes booleans as True/False; other services 1/0 or yes/no. Anything else is unknown. */
export const readBoolean = (value: string | undefined): boolean | undefined => {
  const v = value?.trim().toLowerCase();
  if (v === undefined || v === '') return undefined;
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  return undefined;
};
