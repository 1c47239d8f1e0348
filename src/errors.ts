import { Interface, type ErrorDescription } from "ethers";

/** Base class of every error the SDK throws on purpose. `code` is stable; `message` is one readable line. */
export class SdkError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The caller passed something unusable: a missing file, an unknown algorithm, a malformed value. */
export class InvalidInputError extends SdkError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("INVALID_INPUT", message, options);
  }
}

/** The provider is connected to another chain than the one the receipt or deployment belongs to. */
export class WrongNetworkError extends SdkError {
  readonly expectedChainId: bigint;
  readonly actualChainId: bigint;

  constructor(expectedChainId: bigint, actualChainId: bigint, what: string) {
    super("WRONG_NETWORK", `${what} is for chain ${expectedChainId}, but the provider is on chain ${actualChainId}`);
    this.expectedChainId = expectedChainId;
    this.actualChainId = actualChainId;
  }
}

/** No contract of the suite is known at the given place. */
export class DeploymentNotFoundError extends SdkError {
  constructor(message: string) {
    super("DEPLOYMENT_NOT_FOUND", message);
  }
}

/**
 * A receipt names another registry than the one the verifier trusts. A receipt is the forger's own word: anyone can
 * deploy a contract that answers `verify()` with any record, so the registry must come from the verifier (a deployment
 * record or an address it chose), never from the receipt.
 */
export class UntrustedRegistryError extends SdkError {
  readonly receiptRegistry: string;
  readonly trustedRegistry: string;

  /** `hint` ends the message with what the user can do (the CLI names its option). */
  constructor(receiptRegistry: string, trustedRegistry: string, chainId: bigint, hint?: string) {
    super(
      "UNTRUSTED_REGISTRY",
      `the receipt names registry ${receiptRegistry}, but the EvidenceRegistry trusted on chain ${chainId} is ${trustedRegistry}: refusing the receipt's contract${hint === undefined ? "" : ` (${hint})`}`,
    );
    this.receiptRegistry = receiptRegistry;
    this.trustedRegistry = trustedRegistry;
  }
}

/** A contract call reverted with one of the suite's custom errors, decoded. */
export class ContractRevertError extends SdkError {
  /** The custom error's name, e.g. `AlreadyAnchored`. */
  readonly errorName: string;
  /** The custom error's arguments by name (and position). */
  readonly args: Readonly<Record<string, unknown>>;

  constructor(description: ErrorDescription, options?: { cause?: unknown }) {
    const args: Record<string, unknown> = {};
    description.fragment.inputs.forEach((input, i) => {
      args[input.name || String(i)] = description.args[i];
    });
    const rendered = Object.entries(args)
      .map(([name, value]) => `${name}=${String(value)}`)
      .join(", ");
    super("CONTRACT_REVERT", `${description.name}(${rendered})`, options);
    this.errorName = description.name;
    this.args = args;
  }
}

/**
 * Whether `error` is a decoded revert, and of the custom error `name` when given, e.g.
 * `if (isContractRevert(error, "AlreadyAnchored")) console.log(error.args.submitter)`.
 */
export function isContractRevert(error: unknown, name?: string): error is ContractRevertError {
  return error instanceof ContractRevertError && (name === undefined || error.errorName === name);
}

// Errors that surface from the settlement and fee tokens the suites call (OpenZeppelin's ERC-20 and SafeERC20), so a
// failed payment reads `ERC20InsufficientBalance(sender=…, balance=…, needed=…)` rather than raw revert data.
const TOKEN_ERRORS = new Interface([
  "error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)",
  "error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)",
  "error ERC20InvalidSender(address sender)",
  "error ERC20InvalidReceiver(address receiver)",
  "error ERC20InvalidApprover(address approver)",
  "error ERC20InvalidSpender(address spender)",
  "error SafeERC20FailedOperation(address token)",
]);

function revertData(error: unknown): string | undefined {
  let current: unknown = error;
  // ethers nests the provider's error; walk down until revert data shows up.
  for (let depth = 0; depth < 5 && current !== null && typeof current === "object"; depth++) {
    const candidate = current as { data?: unknown; error?: unknown; info?: { error?: unknown } };
    if (typeof candidate.data === "string" && candidate.data.startsWith("0x") && candidate.data.length >= 10) {
      return candidate.data;
    }
    current = candidate.error ?? candidate.info?.error;
  }
  return undefined;
}

/**
 * Turns a failed contract call into a `ContractRevertError` when the revert data decodes with `contractInterface`;
 * returns the error unchanged otherwise (out of gas, network failure, ...).
 */
export function decodeRevert(error: unknown, contractInterface: Interface): unknown {
  if (error instanceof SdkError) return error;
  const data = revertData(error);
  if (data === undefined) return error;
  const description = contractInterface.parseError(data) ?? TOKEN_ERRORS.parseError(data);
  return description === null ? error : new ContractRevertError(description, { cause: error });
}

/** Runs `call`, rethrowing a revert as a decoded `ContractRevertError`. */
export async function withDecodedErrors<T>(contractInterface: Interface, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw decodeRevert(error, contractInterface);
  }
}

/**
 * A transaction succeeded but the contract emitted none of the event the SDK waited for: the address most likely holds
 * some other contract.
 */
export class EventNotEmittedError extends SdkError {
  readonly transaction: string;
  readonly contract: string;
  readonly event: string;

  constructor(transaction: string, contract: string, event: string, detail?: string) {
    super(
      "EVENT_NOT_EMITTED",
      `transaction ${transaction} succeeded but ${contract} emitted no ${event}${detail === undefined ? "" : ` ${detail}`}: not the expected contract?`,
    );
    this.transaction = transaction;
    this.contract = contract;
    this.event = event;
  }
}
