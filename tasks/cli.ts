import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { isAddress } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { DeploymentNotFoundError, InvalidInputError, SdkError } from "../src/errors.js";
import { EvidenceClient } from "../src/evidence/client.js";
import { addressProblem } from "../src/input.js";
import { formatEvidenceTime } from "../src/evidence/verdict.js";
import { latestChainTime, timeUnitOf } from "../src/time.js";
import { optionFlag, requiredOptions } from "./options.js";

/** The project root (where hardhat.config.ts is): the deployment journal is found from here wherever a task runs. */
export const projectRoot = path.resolve(import.meta.dirname, "..");

/** The first required option left empty, as "--acceptor is required", or undefined. */
function missingRequired(args: unknown): string | undefined {
  if (typeof args !== "object" || args === null) return undefined;
  for (const [name, value] of Object.entries(args)) {
    if (value === "" && requiredOptions.has(name)) return `${optionFlag(name)} is required`;
  }
  return undefined;
}

/**
 * Wraps a task action so that any failure prints one clear line and exits non-zero, instead of a stack trace. Set
 * CHAINPROOF_DEBUG=1 to see the stack of errors that are not the SDK's own (network failures, bugs).
 */
export function cliAction<Args>(
  action: (args: Args, hre: HardhatRuntimeEnvironment) => Promise<void>,
): (args: Args, hre: HardhatRuntimeEnvironment) => Promise<void> {
  return async (args, hre) => {
    try {
      const missing = missingRequired(args);
      if (missing !== undefined) throw new InvalidInputError(missing);
      await action(args, hre);
    } catch (error) {
      if (!(error instanceof SdkError) && process.env.CHAINPROOF_DEBUG) throw error;
      console.error(`error: ${oneLine(error)}`);
      process.exitCode = 1;
    }
  };
}

// Arguments of decoded custom errors that are moments ("AlreadyAnchored(id=0x…, time=1807081919)").
const TIME_ARGUMENT = /\b(\w*(?:[tT]ime|[dD]eadline|[mM]aturity|[uU]ntil|At|[eE]nd|[nN]ow))=(\d{9,})\b/g;

/**
 * A message with the time arguments of decoded custom errors as ISO dates (seconds or milliseconds, as the chain)
 * and work ids (digests) in hex, as everything else prints them.
 */
export function readableTimes(message: string): string {
  return message
    .replace(TIME_ARGUMENT, (_, name: string, time: string) => `${name}=${formatTime(Number(time))}`)
    .replace(/\bworkId=(\d{20,})\b/g, (_, id: string) => `workId=0x${BigInt(id).toString(16).padStart(64, "0")}`);
}

/** The first line of an error's message; ethers' own errors carry a `shortMessage` without the request dump. */
function oneLine(error: unknown): string {
  return readableTimes(firstLine(error));
}

function firstLine(error: unknown): string {
  if (error instanceof SdkError) return error.message;
  const { shortMessage, message } = (error ?? {}) as { shortMessage?: unknown; message?: unknown };
  const text = typeof shortMessage === "string" ? shortMessage : typeof message === "string" ? message : String(error);
  return text.split("\n")[0];
}

/**
 * The address of `futureId` (e.g. "Evidence#EvidenceRegistry") in the Ignition deployment of the connected chain, or
 * `override` when the operator named one with `option` (e.g. "--registry").
 */
export async function deployedAddress(
  connection: NetworkConnection,
  futureId: string,
  override: string | undefined,
  option: string,
): Promise<string> {
  let address = override;
  if (address !== undefined) {
    if (!isAddress(address)) throw new InvalidInputError(addressProblem(address, option));
  } else {
    address = await journalAddress(connection, futureId, option);
  }
  const code = await connection.provider.request({ method: "eth_getCode", params: [address, "latest"] });
  if (code === "0x") {
    throw new DeploymentNotFoundError(
      `${override === undefined ? futureId : option} ${address} has no code on network "${connection.networkName}": wrong network or address?`,
    );
  }
  return address;
}

/** The address of `futureId` in the Ignition deployment journal of the connected chain, or undefined. */
export async function journalAddressOf(connection: NetworkConnection, futureId: string): Promise<string | undefined> {
  const chainId = BigInt((await connection.provider.request({ method: "eth_chainId" })) as string);
  const file = path.join(projectRoot, "deploy", "deployments", `chain-${chainId}`, "deployed_addresses.json");
  const addresses: Record<string, string> = existsSync(file) ? JSON.parse(await readFile(file, "utf8")) : {};
  return addresses[futureId];
}

async function journalAddress(connection: NetworkConnection, futureId: string, option: string): Promise<string> {
  const address = await journalAddressOf(connection, futureId);
  if (address === undefined) {
    const chainId = BigInt((await connection.provider.request({ method: "eth_chainId" })) as string);
    throw new DeploymentNotFoundError(
      `no ${futureId} deployed on chain ${chainId} (network "${connection.networkName}"): deploy it with Ignition or pass ${option}`,
    );
  }
  return address;
}

/** The account `from` names (an address among the network's accounts), or the first account. */
export async function sender(connection: NetworkConnection, from?: string): Promise<HardhatEthersSigner> {
  const signers = await connection.ethers.getSigners();
  if (signers.length === 0)
    throw new InvalidInputError(`network "${connection.networkName}" has no accounts configured`);
  if (from === undefined) return signers[0];
  const match = signers.find((s) => s.address.toLowerCase() === from.toLowerCase());
  if (match === undefined)
    throw new InvalidInputError(`account ${from} is not configured on network "${connection.networkName}"`);
  return match;
}

/** An EvidenceClient on the task's network, sending as `from`. */
export async function evidenceClient(
  hre: HardhatRuntimeEnvironment,
  options: { registry?: string; from?: string; readOnly?: boolean },
): Promise<{ client: EvidenceClient; connection: NetworkConnection }> {
  const connection = await hre.network.create();
  const address = await deployedAddress(connection, "Evidence#EvidenceRegistry", options.registry, "--registry");
  const runner = options.readOnly ? connection.ethers.provider : await sender(connection, options.from);
  return { client: new EvidenceClient(address, runner), connection };
}

/** A non-negative integer argument (an amount, basis points, a nonce), checked before anything is sent. */
export function integerArgument(text: string, what: string): bigint {
  if (!/^[0-9]+$/.test(text)) throw new InvalidInputError(`${what} must be a non-negative integer, got "${text}"`);
  return BigInt(text);
}

/** The latest block's time and the unit it is in (units per second: 1, or 1000 on chains such as FISCO BCOS). */
export async function chainClock(connection: NetworkConnection): Promise<{ now: bigint; unit: bigint }> {
  const now = await latestChainTime(connection.ethers.provider);
  return { now, unit: timeUnitOf(now) };
}

/** Formats a block time for people: seconds, or milliseconds on chains that stamp blocks so (FISCO BCOS). */
export const formatTime = formatEvidenceTime;
