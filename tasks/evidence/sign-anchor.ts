import { writeFile } from "node:fs/promises";

import { toBytes32 } from "../../src/input.js";
import { algorithmId, hashFile } from "../../src/hash-file.js";
import { formatSignedRequest, signAnchor } from "../../src/evidence/signing.js";
import { cliAction, evidenceClient, formatTime, sender } from "../cli.js";
import { parseUint, requestDeadline } from "./format.js";

interface Args {
  file: string;
  algorithm: string;
  metadata?: string;
  onBehalfOf?: string;
  nonce?: string;
  deadline?: string;
  out?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const algorithm = algorithmId(args.algorithm);
  const nonce = parseUint(args.nonce, "--nonce");
  const { client, connection } = await evidenceClient(hre, { registry: args.registry, readOnly: true });
  const signer = await sender(connection, args.from);
  const digest = await hashFile(args.file, args.algorithm);
  const deadline = await requestDeadline(connection, args.deadline);
  const signed = await signAnchor(
    signer,
    client.contract,
    { digest, algorithm, metadata: toBytes32(args.metadata), deadline },
    { onBehalfOf: args.onBehalfOf, nonce },
  );
  const out = args.out ?? `${args.file}.anchor.json`;
  await writeFile(
    out,
    formatSignedRequest({ type: "Anchor", chainId: await client.chainId(), registry: client.address, ...signed }),
  );
  console.log(
    `signed Anchor of ${digest} (${args.algorithm}) for ${signed.submitter}, nonce ${signed.nonce}, ` +
      `valid until ${formatTime(Number(deadline))}`,
  );
  console.log(`signed request: ${out} (relay it with \`evidence relay ${out}\`)`);
});
