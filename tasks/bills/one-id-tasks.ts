import type { BillsClient } from "../../src/bills/index.js";
import type { Mined } from "../../src/transactions.js";

// The eight bill tasks that take one id and send one transaction, from one definition: what the id names, what the
// client does with it and what the task prints. tasks/bills.ts declares them from this table (loaded with the config: type imports only), one-id.ts builds the action.

export interface OneIdTask {
  description: string;
  /** The positional argument: a package (the ERC-3525 slot) or a part (a token id). */
  id: "package" | "part";
  send: (client: BillsClient, id: bigint) => Promise<Mined>;
  /** What was done, e.g. "accepted package 1". */
  done: (id: bigint) => string;
}

export const ONE_ID_TASKS = {
  accept: {
    description: "Accept a bill as its acceptor",
    id: "package",
    send: (client, id) => client.accept(id),
    done: (id) => `accepted package ${id}`,
  },
  cancel: {
    description: "Cancel a bill as its drawer, before the payee signs",
    id: "package",
    send: (client, id) => client.cancel(id),
    done: (id) => `cancelled package ${id}`,
  },
  fund: {
    description: "Pay a bill's face value in as its acceptor",
    id: "package",
    send: (client, id) => client.fund(id),
    done: (id) => `funded package ${id}`,
  },
  sign: {
    description: "Sign a bill or an endorsement offered to you (pledges: sign-pledge)",
    id: "part",
    send: (client, id) => client.sign(id),
    done: (id) => `signed part ${id}`,
  },
  reject: {
    description: "Reject an offer addressed to you",
    id: "part",
    send: (client, id) => client.reject(id),
    done: (id) => `rejected offer ${id}`,
  },
  withdraw: {
    description: "Withdraw your endorsement or pledge offer",
    id: "part",
    send: (client, id) => client.withdraw(id),
    done: (id) => `withdrew offer ${id}`,
  },
  release: {
    description: "Release a pledge as the pledgee",
    id: "part",
    send: (client, id) => client.release(id),
    done: (id) => `released pledge on part ${id}`,
  },
  "pay-recourse": {
    description: "Pay the recourse claim filed against you",
    id: "part",
    send: (client, id) => client.payRecourse(id),
    done: (id) => `paid the recourse claim on part ${id}`,
  },
} satisfies Record<string, OneIdTask>;

export type OneIdTaskName = keyof typeof ONE_ID_TASKS;
