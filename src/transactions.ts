import type {
  ContractRunner,
  ContractTransactionReceipt,
  ContractTransactionResponse,
  Interface,
  Log,
  Provider,
} from "ethers";

import { SdkError, withDecodedErrors } from "./errors.js";

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

/** A contract's logs matching `topics` in `range` (default: the whole chain), in chain order. */
export async function contractLogs(
  provider: Provider,
  address: string,
  topics: (string | string[] | null)[],
  range: BlockRange = {},
): Promise<Log[]> {
  const logs = await provider.getLogs({
    address,
    topics,
    fromBlock: range.fromBlock ?? 0,
    toBlock: range.toBlock ?? "latest",
  });
  return logs.sort(byChainOrder);
}
