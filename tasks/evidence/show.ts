import type { EvidenceEvent } from "../../src/evidence/client.js";
import { cliAction, evidenceClient } from "../cli.js";
import { describeStatus } from "./format.js";

interface Args {
  id: string;
  history: boolean;
  registry?: string;
}

function describeEvent(event: EvidenceEvent): string {
  const where = `block ${event.blockNumber}, tx ${event.transaction}`;
  switch (event.kind) {
    case "anchored":
      return `anchored by ${event.submitter} (${event.algorithmName}, metadata ${event.metadata}), ${where}`;
    case "batchAnchored":
      return `batch of ${event.size} digests, ${where}`;
    case "metadataURI":
      return `metadata URI ${event.uri}, ${where}`;
    case "witnessesRequired":
      return `requires ${event.threshold} of ${event.witnesses.join(", ")}${event.deadline === 0 ? "" : ` by ${event.deadline}`}, ${where}`;
    case "cosigned":
      return `co-signed by ${event.witness} (${event.signatures}), ${where}`;
    case "witnessed":
      return `witnessed, ${where}`;
    case "revoked":
      return `revoked, reason ${event.reason}, ${where}`;
    case "superseded":
      return `superseded by ${event.supersededBy}, ${where}`;
    case "supersedes":
      return `supersedes ${event.previous}, ${where}`;
  }
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await evidenceClient(hre, { registry: args.registry, readOnly: true });
  const status = await client.verify(args.id);
  if (!status.exists) {
    console.error(`NOT ANCHORED: no record ${args.id}`);
    process.exitCode = 1;
    return;
  }
  const reason = status.revoked ? await client.revocationReason(args.id) : null;
  console.log(`${status.batched ? "batch root" : "record"} ${args.id}`);
  for (const line of describeStatus(status, reason)) console.log(line);
  if (args.history) {
    console.log("  history:");
    for (const event of await client.history(args.id)) console.log(`    ${describeEvent(event)}`);
  }
});
