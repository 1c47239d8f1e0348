import { readFile } from "node:fs/promises";

import { isAddress, isHexString } from "ethers";

import { validateAuthors, type Author } from "../../src/copyright/authors.js";
import type { SignedRegistration } from "../../src/copyright/signing.js";
import { InvalidInputError } from "../../src/errors.js";
import { cliAction } from "../cli.js";
import { copyrightClient } from "./client.js";

interface Args {
  request: string;
  relay?: string;
  registry?: string;
  from?: string;
}

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
async function readRequest(path: string): Promise<SignedRegistration> {
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

export default cliAction<Args>(async (args, hre) => {
  const signed = await readRequest(args.request);
  const { client, account } = await copyrightClient(hre, { ...args, needRelay: true });
  const relayed = await client.relayRegistration(signed);
  console.log(
    `relayed: work ${signed.digest} registered to ${signed.creator} (gas paid by ${account}) in ${relayed.transaction}`,
  );
});
