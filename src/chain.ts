import type { Provider } from "ethers";

import { SdkError } from "./errors.js";

/** An EVM feature the default build's bytecode relies on, absent on chains before Shanghai or Cancun. */
export type ChainFeature = "PUSH0" | "MCOPY";

/**
 * The package's two builds: `default` (evmVersion prague; its bytecode uses PUSH0 from Shanghai and MCOPY from
 * Cancun) and `compat` (evmVersion paris: runs on any chain from Paris, the Merge, on).
 */
export type BuildTarget = "default" | "compat";

/** What a chain's EVM can run, from `probeChain`. */
export interface ChainSupport {
  chainId: bigint;
  /** Features present. */
  supported: ChainFeature[];
  /** Features missing: the default build's contracts fail (at deployment, or later in `eip712Domain()`) where any is. */
  missing: ChainFeature[];
  /** The build to deploy on this chain. */
  target: BuildTarget;
}

// Tiny creation code, run with eth_call (nothing is deployed, no gas is spent): each returns empty code when its
// opcode exists, and fails with an invalid-opcode error ("NotActivated") when it does not.
const PROBES: Record<ChainFeature, string> = {
  PUSH0: "0x5f5ff3", // PUSH0 PUSH0 RETURN
  MCOPY: "0x6000600060005e00", // PUSH1 0 PUSH1 0 PUSH1 0 MCOPY STOP
};
const CONTROL = "0x00"; // STOP: runs on every EVM, so a failure here is the node's, not a missing opcode

/** What `target` needs of the chain. */
export const TARGET_NEEDS: Readonly<Record<BuildTarget, readonly ChainFeature[]>> = {
  default: ["PUSH0", "MCOPY"],
  compat: [],
};

/** The default build's contracts cannot run on this chain; the message says to deploy the compat build instead. */
export class UnsupportedChainError extends SdkError {
  readonly chainId: bigint;
  readonly missing: readonly ChainFeature[];

  constructor(chainId: bigint, target: BuildTarget, missing: readonly ChainFeature[]) {
    super(
      "UNSUPPORTED_CHAIN",
      `chain ${chainId} has no ${missing.join(", ")}, which the ${target} build's bytecode uses (it needs Shanghai and Cancun): ` +
        "deploy the compat build (evmVersion paris) instead: `npx hardhat ignition deploy … --build-profile compat`, " +
        'or in code import its factories from "@chainproof/contracts/typechain-types/compat"',
    );
    this.chainId = chainId;
    this.missing = missing;
  }
}

async function runs(provider: Provider, data: string): Promise<boolean> {
  try {
    await provider.call({ data });
    return true;
  } catch {
    return false;
  }
}

/**
 * Which of the default build's EVM features `provider`'s chain has: three eth_calls of creation code a few bytes long
 * (in parallel; nothing is sent or deployed), and the build to deploy there.
 */
export async function probeChain(provider: Provider): Promise<ChainSupport> {
  const features = Object.keys(PROBES) as ChainFeature[];
  const [network, control, ...results] = await Promise.all([
    provider.getNetwork(),
    runs(provider, CONTROL),
    ...features.map((feature) => runs(provider, PROBES[feature])),
  ]);
  if (!control) {
    // Any failure of the probe must mean a missing opcode, not a node that refuses creation calls.
    throw new SdkError(
      "PROBE_FAILED",
      `chain ${network.chainId}'s node refused an eth_call of creation code (STOP): its EVM features cannot be probed`,
    );
  }
  const supported = features.filter((_, i) => results[i]);
  const missing = features.filter((_, i) => !results[i]);
  return {
    chainId: network.chainId,
    supported,
    missing,
    target: TARGET_NEEDS.default.every((f) => supported.includes(f)) ? "default" : "compat",
  };
}

/** Throws `UnsupportedChainError` (saying to deploy the compat build) when `target` cannot run on the chain. */
export async function assertChainSupports(provider: Provider, target: BuildTarget = "default"): Promise<ChainSupport> {
  const support = await probeChain(provider);
  const missing = TARGET_NEEDS[target].filter((feature) => support.missing.includes(feature));
  if (missing.length > 0) throw new UnsupportedChainError(support.chainId, target, missing);
  return support;
}
