import { emptyTask, task } from "hardhat/config";

import { optional, required } from "./options.js";

// `npx hardhat participants <command> --network <name>`: the KYC desk and the regulator manage the participant
// register (企业信息报备). The registry comes from the network's Ignition deployment unless --participants names one.
const participants = optional(
  "participants",
  "ParticipantRegistry address; without it, the one Ignition deployed on the network",
);
const from = optional(
  "from",
  "Sending account (the KYC officer, or the regulator to freeze); without it, the network's first account",
);
const account = { name: "account", description: "The participant's address" } as const;
const reason = optional("reason", "Reason text (its keccak256 goes on chain) or a 32-byte hash");
const roles = required(
  "roles",
  "Comma-separated roles: enterprise, financier, regulator (the regulator role stands alone)",
);
const validUntil = required(
  "validUntil",
  "End of validity: a date like 2027-12-31, or a number in the chain's time unit (s; ms on FISCO BCOS)",
);

/** A task on one participant with the usual --participants/--from. */
function accountTask(name: string, description: string, action: () => Promise<unknown>, withReason = false) {
  const t = task(["participants", name], description).addPositionalArgument(account);
  if (withReason) t.addOption(reason);
  return t
    .addOption(participants)
    .addOption(from)
    .setAction(action as never)
    .build();
}

export default [
  emptyTask("participants", "Participant register: KYC registration, suspension, regulator freeze, lookups").build(),

  task(["participants", "register"], "KYC: register a participant (never yourself)")
    .addPositionalArgument(account)
    .addOption({
      name: "org",
      description: "Unified social credit code (its keccak256 goes on chain)",
      defaultValue: "",
    })
    .addOption(roles)
    .addOption(validUntil)
    .addOption(participants)
    .addOption(from)
    .setAction(() => import("./participants/register.js"))
    .build(),

  task(["participants", "update"], "KYC: change a participant's roles and validity")
    .addPositionalArgument(account)
    .addOption(roles)
    .addOption(validUntil)
    .addOption(participants)
    .addOption(from)
    .setAction(() => import("./participants/update.js"))
    .build(),

  accountTask(
    "suspend",
    "KYC: suspend a participant until reinstated",
    () => import("./participants/suspend.js"),
    true,
  ),
  accountTask("reinstate", "KYC: lift a participant's suspension", () => import("./participants/reinstate.js")),
  accountTask(
    "freeze",
    "Regulator: freeze a participant (nothing moves to or from it)",
    () => import("./participants/freeze.js"),
    true,
  ),
  accountTask("unfreeze", "Regulator: lift a participant's freeze", () => import("./participants/unfreeze.js"), true),

  task(["participants", "show"], "Show a participant's entry and its history")
    .addPositionalArgument(account)
    .addOption(participants)
    .setAction(() => import("./participants/show.js"))
    .build(),
];
