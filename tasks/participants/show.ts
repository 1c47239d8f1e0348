import { formatTime, cliAction } from "../cli.js";
import { participantsClient } from "./client.js";

interface Args {
  account: string;
  participants?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await participantsClient(hre, { ...args, readOnly: true });
  const p = await client.get(args.account);
  if (!p.registered) {
    console.log(`${args.account}: not registered`);
    return;
  }
  const flags = [p.suspended ? "suspended" : "", p.frozen ? "FROZEN" : ""].filter(Boolean);
  console.log(
    `${p.account}: ${p.roles.join(", ")}, ${p.active ? "active" : "not active"}` +
      (flags.length > 0 ? ` [${flags.join(", ")}]` : ""),
  );
  console.log(`  org id ${p.orgId}, valid until ${p.validUntilDate.toISOString()}`);
  for (const e of await client.history(args.account)) {
    const detail =
      e.name === "ParticipantRegistered" || e.name === "ParticipantUpdated"
        ? `${e.roles.join(", ")} until ${formatTime(Number(e.validUntil))}`
        : e.name === "ParticipantFrozen"
          ? `${e.frozen ? "frozen" : "unfrozen"} by ${e.regulator}`
          : e.name === "ParticipantSuspended"
            ? `reason ${e.reason}`
            : "";
    console.log(`  block ${e.blockNumber}: ${e.name.replace("Participant", "").toLowerCase()} ${detail}`.trimEnd());
  }
});
