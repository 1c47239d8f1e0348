import { expect } from "chai";

import { ContractRevertError } from "../../src/errors.js";

/** The decoded revert a call is refused with: its custom error's name and arguments by name. */
export async function revertOf(promise: Promise<unknown>): Promise<{ name: string; args: Record<string, unknown> }> {
  const error = await promise.then(
    () => expect.fail("expected a revert"),
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(ContractRevertError);
  const revert = error as ContractRevertError;
  return { name: revert.errorName, args: { ...revert.args } };
}
