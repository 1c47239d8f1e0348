import { expect } from "chai";
import { Interface, getAddress } from "ethers";

import {
  ContractRevertError,
  InvalidInputError,
  decodeRevert,
  isContractRevert,
  withDecodedErrors,
} from "../../src/errors.js";

const registry = new Interface(["error AlreadyAnchored(bytes32 id, address submitter, uint64 time)"]);
const token = new Interface(["error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)"]);
const alice = getAddress("0x00000000000000000000000000000000000a11ce");
// ethers nests the node's error: the revert data sits a level or two down.
const nested = (data: string) => ({ message: "execution reverted", error: { info: { error: { data } } } });

describe("SDK errors", function () {
  it("decodes the contract's custom errors with named arguments", function () {
    const data = registry.encodeErrorResult("AlreadyAnchored", [`0x${"11".repeat(32)}`, alice, 7n]);
    const decoded = decodeRevert(nested(data), registry);
    expect(decoded).to.be.instanceOf(ContractRevertError);
    const error = decoded as ContractRevertError;
    expect(error.errorName).to.equal("AlreadyAnchored");
    expect(error.args).to.deep.equal({ id: `0x${"11".repeat(32)}`, submitter: alice, time: 7n });
    expect(error.message).to.equal(`AlreadyAnchored(id=0x${"11".repeat(32)}, submitter=${alice}, time=7)`);
  });

  it("decodes the ERC-20 errors a payment can surface, whichever contract made the call", function () {
    const data = token.encodeErrorResult("ERC20InsufficientBalance", [alice, 5n, 9n]);
    const error = decodeRevert({ data }, registry);
    expect(isContractRevert(error, "ERC20InsufficientBalance")).to.equal(true);
    expect((error as ContractRevertError).args).to.deep.equal({ sender: alice, balance: 5n, needed: 9n });
  });

  it("leaves what it cannot decode, and the SDK's own errors, unchanged", function () {
    const unknown = { data: "0xdeadbeef00" };
    expect(decodeRevert(unknown, registry)).to.equal(unknown);
    const noData = new Error("network down");
    expect(decodeRevert(noData, registry)).to.equal(noData);
    const own = new InvalidInputError("bad");
    expect(decodeRevert(own, registry)).to.equal(own);
  });

  it("tells reverts apart by name", async function () {
    const data = registry.encodeErrorResult("AlreadyAnchored", [`0x${"22".repeat(32)}`, alice, 1n]);
    const caught = await withDecodedErrors(registry, () => Promise.reject(nested(data))).catch((e: unknown) => e);
    expect(isContractRevert(caught)).to.equal(true);
    expect(isContractRevert(caught, "AlreadyAnchored")).to.equal(true);
    expect(isContractRevert(caught, "NotSubmitter")).to.equal(false);
    expect(isContractRevert(new Error("x"))).to.equal(false);
  });
});
