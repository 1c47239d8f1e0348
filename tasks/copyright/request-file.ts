import { readFile, writeFile } from "node:fs/promises";

import { isAddress, isHexString } from "ethers";

import { validateAuthors, type Author } from "../../src/copyright/authors.js";
import type { SignedRegistration } from "../../src/copyright/signing.js";
import { InvalidInputError } from "../../src/errors.js";

// The file `copyright sign` writes for a relayer and `copyright relay` reads: the signed registration, integers as
// decimal strings.
interface RequestFile {
  digest: string;
  algorithm: number;
  uri: string;
  authors: Author[];
  creator: string;
  nonce: string;
  deadline: string;
  signature: string;
}

/** The request file written by `copyright sign`, checked field by field. */
export async function readRequest(path: string): Promise<SignedRegistration> {
  let request: RequestFile;
  try {
    request = JSON.parse(await readFile(path, "utf8")) as RequestFile;
  } catch {
    throw new InvalidInputError(`cannot read the registration request ${path}`);
  }
  const integer = (value: unknown) => typeof value === "string" && /^[0-9]+$/.test(value);
  if (
    !isHexString(request.digest, 32) ||
    !Number.isInteger(request.algorithm) ||
    typeof request.uri !== "string" ||
    !Array.isArray(request.authors) ||
    !isAddress(request.creator) ||
    !integer(request.nonce) ||
    !integer(request.deadline) ||
    !isHexString(request.signature)
  ) {
    throw new InvalidInputError(`${path} is not a registration request written by "copyright sign"`);
  }
  return {
    ...request,
    authors: validateAuthors(request.authors),
    nonce: BigInt(request.nonce),
    deadline: BigInt(request.deadline),
  };
}

/** Writes a signed registration for a relayer. */
export async function writeRequest(path: string, signed: SignedRegistration): Promise<void> {
  const request: RequestFile = { ...signed, nonce: signed.nonce.toString(), deadline: signed.deadline.toString() };
  await writeFile(path, JSON.stringify(request, null, 2) + "\n");
}
