import { readFile, writeFile } from "node:fs/promises";

import { isAddress, isHexString } from "ethers";

import type { SignedEndorsement } from "../../src/bills/index.js";
import { InvalidInputError } from "../../src/errors.js";

const KIND = "chainproof.bills.endorsement-consent";

/** What `bills consent` writes and `bills endorse --consent` reads: the signature and what it binds. */
interface ConsentFile {
  kind: typeof KIND;
  chainId: string;
  bills: string;
  fromTokenId: string;
  to: string;
  units: string;
  nonce: string;
  deadline: string;
  signature: string;
}

export async function writeConsent(
  file: string,
  consent: SignedEndorsement,
  where: { chainId: bigint; bills: string },
): Promise<void> {
  const content: ConsentFile = {
    kind: KIND,
    chainId: where.chainId.toString(),
    bills: where.bills,
    fromTokenId: consent.fromTokenId.toString(),
    to: consent.to,
    units: consent.units.toString(),
    nonce: consent.nonce.toString(),
    deadline: consent.deadline.toString(),
    signature: consent.signature,
  };
  await writeFile(file, JSON.stringify(content, null, 2) + "\n");
}

/** Reads a consent file and checks it was signed for this chain, contract, part, endorsee and amount. */
export async function readConsent(
  file: string,
  expected: { chainId: bigint; bills: string; fromTokenId: bigint; to: string; units: bigint },
): Promise<SignedEndorsement> {
  let content: Partial<ConsentFile>;
  try {
    content = JSON.parse(await readFile(file, "utf8")) as Partial<ConsentFile>;
  } catch (error) {
    throw new InvalidInputError(`cannot read the consent file ${file}: ${(error as Error).message.split("\n")[0]}`);
  }
  const numeric = (value: unknown) => typeof value === "string" && /^\d+$/.test(value);
  if (
    content.kind !== KIND ||
    ![content.chainId, content.fromTokenId, content.units, content.nonce, content.deadline].every(numeric) ||
    !isAddress(content.bills) ||
    !isAddress(content.to) ||
    !isHexString(content.signature)
  ) {
    throw new InvalidInputError(`${file} is not an endorsement consent written by \`bills consent\``);
  }
  const mismatch = (what: string, found: unknown, wanted: unknown) =>
    new InvalidInputError(`the consent in ${file} is for ${what} ${found}, not ${wanted}`);
  if (BigInt(content.chainId!) !== expected.chainId) throw mismatch("chain", content.chainId, expected.chainId);
  if (content.bills!.toLowerCase() !== expected.bills.toLowerCase())
    throw mismatch("contract", content.bills, expected.bills);
  if (BigInt(content.fromTokenId!) !== expected.fromTokenId)
    throw mismatch("part", content.fromTokenId, expected.fromTokenId);
  if (content.to!.toLowerCase() !== expected.to.toLowerCase()) throw mismatch("endorsee", content.to, expected.to);
  if (BigInt(content.units!) !== expected.units)
    throw mismatch("amount (minimum units)", content.units, expected.units);
  return {
    fromTokenId: expected.fromTokenId,
    to: content.to!,
    units: expected.units,
    nonce: BigInt(content.nonce!),
    deadline: BigInt(content.deadline!),
    signature: content.signature!,
  };
}
