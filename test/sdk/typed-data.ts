// Every signed request's exported EIP-712 types match the typehash string its contract hashes (read from the
// Solidity source), and the bills' standalone signer produces a signature that recovers to the endorsee.
import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { TypedDataEncoder, Wallet, verifyTypedData } from "ethers";

import { BILLS_TYPES, signEndorsement } from "../../src/bills/signing.js";
import { COPYRIGHT_TYPES } from "../../src/copyright/signing.js";
import { InvalidInputError } from "../../src/errors.js";
import { EVIDENCE_TYPES } from "../../src/evidence/signing.js";

const root = path.resolve(import.meta.dirname, "..", "..");

/** The string a contract's `<NAME>_TYPEHASH = keccak256("...")` hashes. */
async function typehashString(source: string, constant: string): Promise<string> {
  const text = await readFile(path.join(root, source), "utf8");
  // keccak256("..." "..."): Solidity joins adjacent string literals.
  const match = new RegExp(`${constant}\\s*=\\s*keccak256\\(((?:\\s*"[^"]*")+)\\s*\\)`).exec(text);
  expect(match, `${constant} in ${source}`).to.not.equal(null);
  return [...match![1].matchAll(/"([^"]*)"/g)].map((literal) => literal[1]).join("");
}

function encodeType(types: Record<string, readonly { name: string; type: string }[]>, primary: string): string {
  return TypedDataEncoder.from(
    Object.fromEntries(Object.entries(types).map(([name, fields]) => [name, [...fields]])),
  ).encodeType(primary);
}

describe("EIP-712 types of every signed request", function () {
  it("match the contracts' typehashes", async function () {
    const cases = [
      [EVIDENCE_TYPES, "Anchor", "contracts/evidence/EvidenceRegistry.sol", "ANCHOR_TYPEHASH"],
      [EVIDENCE_TYPES, "Cosign", "contracts/evidence/EvidenceRegistry.sol", "COSIGN_TYPEHASH"],
      [COPYRIGHT_TYPES, "RegisterWork", "contracts/copyright/CopyrightRelay.sol", "REGISTER_TYPEHASH"],
      [BILLS_TYPES, "Endorsement", "contracts/bills/SupplyChainBills.sol", "ENDORSEMENT_TYPEHASH"],
    ] as const;
    for (const [types, primary, source, constant] of cases) {
      const single = { [primary]: (types as Record<string, readonly { name: string; type: string }[]>)[primary] };
      expect(encodeType(single, primary), constant).to.equal(await typehashString(source, constant));
    }
  });

  it("signs a bills endorsement that recovers to the endorsee, with the given nonce", async function () {
    const endorsee = Wallet.createRandom();
    const domain = {
      name: "SupplyChainBills",
      version: "1",
      chainId: 31337n,
      verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
    };
    const bills = {
      eip712Domain: async () => domain,
      nonceBitmap: async () => expect.fail("the nonce was given: the bitmap must not be read"),
    };
    const signed = await signEndorsement(endorsee, bills, {
      fromTokenId: 7n,
      units: 23_456n,
      deadline: 1_000n,
      nonce: 3n,
    });
    expect(signed).to.deep.include({
      fromTokenId: 7n,
      to: endorsee.address,
      units: 23_456n,
      nonce: 3n,
      deadline: 1_000n,
    });
    const message = { fromTokenId: 7n, to: endorsee.address, amount: 23_456n, nonce: 3n, deadline: 1_000n };
    const types = { Endorsement: [...BILLS_TYPES.Endorsement] };
    expect(verifyTypedData(domain, types, message, signed.signature)).to.equal(endorsee.address);
    // Another amount than the one signed does not recover to the endorsee.
    expect(verifyTypedData(domain, types, { ...message, amount: 23_457n }, signed.signature)).to.not.equal(
      endorsee.address,
    );
  });

  it("takes the endorsee's lowest unused nonce by default and refuses amounts outside uint64", async function () {
    const endorsee = Wallet.createRandom();
    const bills = {
      eip712Domain: async () => ({
        name: "SupplyChainBills",
        version: "1",
        chainId: 1n,
        verifyingContract: endorsee.address,
      }),
      nonceBitmap: async (_owner: string, word: bigint) => (word === 0n ? 0b1011n : 0n),
    };
    expect((await signEndorsement(endorsee, bills, { fromTokenId: 1n, units: 1n, deadline: 1n })).nonce).to.equal(2n);
    for (const units of [0n, 1n << 64n]) {
      const error: unknown = await signEndorsement(endorsee, bills, { fromTokenId: 1n, units, deadline: 1n }).then(
        () => expect.fail(`${units} units were signed`),
        (reason: unknown) => reason,
      );
      expect(error).to.be.instanceOf(InvalidInputError);
      expect((error as Error).message).to.equal(
        `amount must be between 1 and ${(1n << 64n) - 1n} units (cents), got ${units}`,
      );
    }
  });
});
