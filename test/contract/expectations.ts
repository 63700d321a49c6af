import { DomainError, type DomainErrorCode } from '../../src/domain';

/** Awaits `work` and asserts it failed with a DomainError of this code (not merely "some error"). */
export const expectDomainError = async (work: Promise<unknown>, code: DomainErrorCode): Promise<DomainError> => {
  const outcome = await work.then(
    (value) => ({ failed: false as const, value }),
    (error: unknown) => ({ failed: true as const, error }),
  );
  if (!outcome.failed) throw new Error(`expected DomainError '${code}', got a result: ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(DomainError);
  expect((outcome.error as DomainError).code).toBe(code);
  return outcome.error as DomainError;
};

/** ETags are opaque, non-empty strings. */
export const anEtag = expect.stringMatching(/.+/) as unknown as string;
