import { writeFile } from "node:fs/promises";

import { formatSignedRequest, signCosign } from "../../src/evidence/signing.js";
import { cliAction, evidenceClient, formatTime, sender } from "../cli.js";
import { parseUint, requestDeadline } from "./format.js";

interface Args {
  id: string;
  onBehalfOf?: string;
  nonce?: string;
  deadline?: string;
  out?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const nonce = parseUint(args.nonce, "--nonce");
  const { client, connection } = await evidenceClient(hre, { registry: args.registry, readOnly: true });
  const signer = await sender(connection, args.from);
  const deadline = await requestDeadline(connection, args.deadline);
  const signed = await signCosign(
    signer,
    client.contract,
    { id: args.id, deadline },
    { onBehalfOf: args.onBehalfOf, nonce },
  );
  const out = args.out ?? `${args.id}.cosign.json`;
  await writeFile(
    out,
    formatSignedRequest({ type: "Cosign", chainId: await client.chainId(), registry: client.address, ...signed }),
  );
  console.log(
    `signed Cosign of ${args.id} for ${signed.witness}, nonce ${signed.nonce}, valid until ${formatTime(Number(deadline))}`,
  );
  console.log(`signed request: ${out} (relay it with \`evidence relay ${out}\`)`);
});
