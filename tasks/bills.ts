import { emptyTask, task } from "hardhat/config";

import { ONE_ID_TASKS, type OneIdTaskName } from "./bills/one-id-tasks.js";
import { optional, required } from "./options.js";

// `npx hardhat bills <command> --network <name>`; the contract comes from the network's Ignition deployment
// (deploy/deployments/chain-<id>) unless --bills names one. Amounts are yuan strings ("1234.56"), converted exactly;
// times are dates ("2027-03-31") or numbers in the chain's time unit. Participants are registered with the
// `participants` tasks.
const bills = optional("bills", "SupplyChainBills address; without it, the one Ignition deployed on the network");
const from = optional("from", "Sending account; without it, the network's first account");
const part = { name: "part", description: "Token id of the part" } as const;
const pkg = { name: "package", description: "Package id (the ERC-3525 slot)" } as const;

/** A task taking one positional id and the usual --bills/--from. */
function idTask(name: string, description: string, id: typeof part | typeof pkg, action: () => Promise<unknown>) {
  return task(["bills", name], description)
    .addPositionalArgument(id)
    .addOption(bills)
    .addOption(from)
    .setAction(action as never)
    .build();
}

export default [
  emptyTask("bills", "Supply-chain finance bills: issue, endorse, discount, pledge, redeem, recourse, history").build(),

  task(
    ["bills", "local-token"],
    "Deploy a test settlement token on a local node (chain id 31337 or 1337 only) and mint it to every account",
  )
    .addOption({ name: "decimals", description: "Token decimals (the digital yuan: 2)", defaultValue: "2" })
    .addOption({
      name: "mint",
      description: "Amount minted to each account, in token units",
      defaultValue: "100,000,000",
    })
    .setAction(() => import("./bills/local-token.js"))
    .build(),

  task(["bills", "issue"], "Issue a bill as the drawer; its root part is offered to the payee")
    .addOption(required("acceptor", "Who pays at maturity"))
    .addOption(required("payee", "First holder"))
    .addOption(required("token", "Settlement ERC-20 address"))
    .addOption(required("amount", 'Face value in yuan, e.g. "1000000.00"'))
    .addOption(required("maturity", "Due date: a date like 2027-03-31, or a number in the chain's time unit"))
    .addOption(optional("tradeDigest", "Digest of the trade documents: 32 bytes of hex (or give --trade-text)"))
    .addOption(optional("tradeText", "Text describing the trade (e.g. a contract number), hashed into the digest"))
    .addOption(optional("evidence", "Evidence id anchored in the evidence registry"))
    .addFlag({ name: "nonTransferable", description: "The bill may never leave the payee" })
    .addOption(bills)
    .addOption(from)
    .setAction(() => import("./bills/issue.js"))
    .build(),

  // accept, cancel, fund, sign, reject, withdraw, release, pay-recourse: one definition (bills/one-id-tasks.ts).
  ...Object.entries(ONE_ID_TASKS).map(([name, spec]) =>
    idTask(name, spec.description, spec.id === "package" ? pkg : part, () =>
      import("./bills/one-id.js").then((module) => ({ default: module.oneIdAction(name as OneIdTaskName) })),
    ),
  ),
  idTask("redeem", "Redeem a part of a funded, matured bill", part, () => import("./bills/redeem.js")),

  task(
    ["bills", "endorse"],
    "Endorse an amount of your part to another participant: an offer it must sign, or at once with its signed consent",
  )
    .addPositionalArgument(part)
    .addPositionalArgument({ name: "to", description: "Endorsee address" })
    .addPositionalArgument({ name: "amount", description: 'Yuan, e.g. "250000.00"' })
    .addOption(
      optional("consent", "File with the endorsee's signed consent (from `bills consent`): endorse in one step"),
    )
    .addOption(bills)
    .addOption(from)
    .setAction(() => import("./bills/endorse.js"))
    .build(),

  task(["bills", "consent"], "As the endorsee, sign your consent to an endorsement (EIP-712) into a file to relay")
    .addPositionalArgument(part)
    .addPositionalArgument({ name: "amount", description: 'Yuan you accept, e.g. "250000.00"' })
    .addOption(required("deadline", "Last moment the consent is valid: a date, or a number in the chain's time unit"))
    .addOption(required("out", "File to write the signed consent to (JSON)"))
    .addOption(bills)
    .addOption(from)
    .setAction(() => import("./bills/consent.js"))
    .build(),

  task(["bills", "split"], "Split an amount of your part into a new part")
    .addPositionalArgument(part)
    .addPositionalArgument({ name: "amount", description: "Yuan" })
    .addOption(bills)
    .addOption(from)
    .setAction(() => import("./bills/split.js"))
    .build(),

  task(["bills", "merge"], "Merge one of your parts into another of the same bill and chain")
    .addPositionalArgument({ name: "fromPart", description: "Part merged away" })
    .addPositionalArgument({ name: "toPart", description: "Part that receives the value" })
    .addOption(bills)
    .addOption(from)
    .setAction(() => import("./bills/merge.js"))
    .build(),

  task(["bills", "discount"], "Offer an amount of your part to a financier for discount")
    .addPositionalArgument(part)
    .addPositionalArgument({ name: "financier", description: "Financier address" })
    .addPositionalArgument({ name: "amount", description: "Yuan" })
    .addOption({ name: "rate", description: 'Annual rate in percent, 360-day year (e.g. "3.5")', defaultValue: "" })
    .addOption(bills)
    .addOption(from)
    .setAction(() => import("./bills/discount.js"))
    .build(),

  task(["bills", "quote"], "Discount price of an offer now; or, with --amount and --rate, of a part not yet offered")
    .addPositionalArgument(part)
    .addOption(optional("amount", "Yuan to discount (for a part not yet offered)"))
    .addOption(optional("rate", 'Annual rate in percent, 360-day year (e.g. "3.5")'))
    .addOption(bills)
    .setAction(() => import("./bills/quote.js"))
    .build(),

  task(["bills", "sign-discount"], "As the financier, pay for a discount offer and take the part")
    .addPositionalArgument(part)
    .addOption(
      optional(
        "maxPrice",
        'Most you will pay, in the token\'s units with its decimals ("980000.5"); without it, the quote',
      ),
    )
    .addOption(bills)
    .addOption(from)
    .setAction(() => import("./bills/sign-discount.js"))
    .build(),

  task(["bills", "pledge"], "Offer your part in pledge to a financier (it must sign)")
    .addPositionalArgument(part)
    .addPositionalArgument({ name: "pledgee", description: "Financier address" })
    .addOption(bills)
    .addOption(from)
    .setAction(() => import("./bills/pledge.js"))
    .build(),

  task(["bills", "sign-pledge"], "As the pledgee, accept a pledge offer of exactly the value you saw offered")
    .addPositionalArgument(part)
    .addPositionalArgument({
      name: "amount",
      description: 'Yuan you accept as collateral (see `bills part`), e.g. "650000.00"',
    })
    .addOption(bills)
    .addOption(from)
    .setAction(() => import("./bills/sign-pledge.js"))
    .build(),

  task(["bills", "dishonor"], "Dishonor an unpaid matured bill")
    .addPositionalArgument(pkg)
    .addOption(optional("reason", "Reason text (hashed on chain) or a 32-byte hash"))
    .addOption(bills)
    .addOption(from)
    .setAction(() => import("./bills/dishonor.js"))
    .build(),

  task(["bills", "claim"], "File a recourse claim against an earlier endorser or the drawer")
    .addPositionalArgument(part)
    .addPositionalArgument({ name: "target", description: "Endorser or drawer address on the part's chain" })
    .addOption(bills)
    .addOption(from)
    .setAction(() => import("./bills/claim.js"))
    .build(),

  task(["bills", "pending-claim"], "Show the recourse claim pending on a part: who claims what from whom")
    .addPositionalArgument(part)
    .addOption(bills)
    .setAction(() => import("./bills/pending-claim.js"))
    .build(),

  task(["bills", "freeze"], "Regulator: freeze (or --unfreeze) a part")
    .addPositionalArgument(part)
    .addFlag({ name: "unfreeze", description: "Lift the freeze instead" })
    .addOption(optional("reason", "Reason text (hashed on chain) or a 32-byte hash"))
    .addOption(bills)
    .addOption(from)
    .setAction(() => import("./bills/freeze.js"))
    .build(),

  task(["bills", "show"], "Show a bill: terms, amounts and every part")
    .addPositionalArgument(pkg)
    .addOption(bills)
    .setAction(() => import("./bills/show.js"))
    .build(),

  task(["bills", "history"], "A bill's events in order (or, with --part, one part's)")
    .addPositionalArgument(pkg)
    .addOption(optional("part", "Token id of one part of the bill: only its events and value movements"))
    .addOption(optional("fromBlock", "First block to search (default 0)"))
    .addOption(bills)
    .setAction(() => import("./bills/history.js"))
    .build(),

  task(["bills", "part"], "Show a part and its endorsement chain")
    .addPositionalArgument(part)
    .addOption(bills)
    .setAction(() => import("./bills/part.js"))
    .build(),
];
