import type {
  ContractRunner,
  ContractTransactionReceipt,
  ContractTransactionResponse,
  Interface,
  Log,
  LogDescription,
  Provider,
} from "ethers";

import { allLogs, type LogQueryOptions } from "./logs.js";
import { DeploymentNotFoundError, EventNotEmittedError, SdkError, withDecodedErrors } from "./errors.js";

/** A mined transaction's essentials. */
export interface Mined {
  transaction: string;
  blockNumber: number;
  gasUsed: bigint;
}

/** Block range of an event query. */
export interface BlockRange {
  fromBlock?: number | bigint;
  toBlock?: number | bigint | "latest";
}

/** The provider behind a client's runner. */
export function providerOf(runner: ContractRunner | null): Provider {
  const provider = runner?.provider;
  if (!provider) throw new SdkError("NO_PROVIDER", "the client's runner has no provider");
  return provider;
}

/** The account a client's runner sends from. */
export async function senderOf(runner: ContractRunner | null): Promise<string> {
  const signer = runner as { getAddress?: () => Promise<string> } | null;
  if (typeof signer?.getAddress !== "function") {
    throw new SdkError("NO_SIGNER", "this operation needs a client with a signer, not a read-only provider");
  }
  return signer.getAddress();
}

/** Waits for a sent transaction; one that is not mined is an error. */
export async function waitMined(
  response: ContractTransactionResponse,
): Promise<Mined & { receipt: ContractTransactionReceipt }> {
  const receipt = await response.wait();
  if (receipt === null) throw new SdkError("NOT_MINED", `transaction ${response.hash} was not mined`);
  return { transaction: receipt.hash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed, receipt };
}

/** Sends a transaction and waits for it, a revert decoded with `contractInterface`'s errors. */
export function mine(
  contractInterface: Interface,
  call: () => Promise<ContractTransactionResponse>,
): Promise<Mined & { receipt: ContractTransactionReceipt }> {
  return withDecodedErrors(contractInterface, async () => waitMined(await call()));
}

/** A contract the SDK sends to: its address, its ABI, and the check that it is deployed (`deployedCheck`). */
export interface SendTarget {
  address: string;
  interface: Interface;
  /** Resolves once the address is known to hold code; rejects with `DeploymentNotFoundError` otherwise. */
  ready?: () => Promise<void>;
  /** Decodes reverts with this ABI instead of `interface` (a call that reverts inside another contract). */
  errors?: Interface;
}

/** An event the SDK waits for: its name, and optionally which of them (e.g. the one about a given id). */
export type ExpectedEvent =
  string | { name: string; where?: (event: LogDescription, log: Log) => boolean; detail?: string };

/** A mined transaction with the target contract's own events decoded, and the expected ones found. */
export interface Sent extends Mined {
  receipt: ContractTransactionReceipt;
  /** Every event the target contract emitted in the transaction, decoded, in order. */
  events: LogDescription[];
  /** The first matching event for each of `expected`, in the same order. */
  found: LogDescription[];
}

/**
 * Sends a transaction to `target` (after its deployment check), waits for it with reverts decoded, and finds each
 * `expected` event among the target's own logs: a success without one is an `EventNotEmittedError`
 * (`EVENT_NOT_EMITTED`), not a result.
 */
export async function sendAndFind(
  target: SendTarget,
  call: () => Promise<ContractTransactionResponse>,
  ...expected: ExpectedEvent[]
): Promise<Sent> {
  await target.ready?.();
  const mined = await mine(target.errors ?? target.interface, call);
  const address = target.address.toLowerCase();
  const own: [LogDescription, Log][] = [];
  for (const log of mined.receipt.logs) {
    if (log.address.toLowerCase() !== address) continue;
    const parsed = target.interface.parseLog(log);
    if (parsed !== null) own.push([parsed, log]);
  }
  const found = expected.map((want) => {
    const { name, where, detail } =
      typeof want === "string" ? { name: want, where: undefined, detail: undefined } : want;
    const hit = own.find(([event, log]) => event.name === name && (where === undefined || where(event, log)));
    if (hit === undefined) throw new EventNotEmittedError(mined.transaction, target.address, name, detail);
    return hit[0];
  });
  return { ...mined, events: own.map(([event]) => event), found };
}

/**
 * A check, run once per client, that `address` holds code: an address without code (no deployment there, or the
 * wrong network) is refused with `DeploymentNotFoundError` naming `contractName` and the chain. A failed check is
 * forgotten so a later call checks again.
 */
export function deployedCheck(contractName: string, address: string, provider: () => Provider): () => Promise<void> {
  let deployed: Promise<void> | undefined;
  return () => {
    deployed ??= (async () => {
      const p = provider();
      if ((await p.getCode(address)) === "0x") {
        const { chainId } = await p.getNetwork();
        throw new DeploymentNotFoundError(
          `no ${contractName} at ${address} on chain ${chainId}: wrong network or address?`,
        );
      }
    })().catch((error: unknown) => {
      deployed = undefined;
      throw error;
    });
    return deployed;
  };
}

/** Just the essentials of a mined transaction. */
export function minedOf({ transaction, blockNumber, gasUsed }: Mined): Mined {
  return { transaction, blockNumber, gasUsed };
}

/** Orders logs as the chain did. */
export function byChainOrder(
  a: { blockNumber: number; index: number },
  b: { blockNumber: number; index: number },
): number {
  return a.blockNumber - b.blockNumber || a.index - b.index;
}

/**
 * A contract's logs matching `topics` in `range`, in chain order: from the contract's deployment block (or
 * `range.fromBlock`) to the latest, read in chunks that shrink when the provider refuses a range (`readLogs`).
 */
export async function contractLogs(
  provider: Provider,
  address: string,
  topics: (string | string[] | null)[],
  range: BlockRange = {},
  options: LogQueryOptions = {},
): Promise<Log[]> {
  return allLogs(provider, { address, topics, fromBlock: range.fromBlock, toBlock: range.toBlock }, options);
}
