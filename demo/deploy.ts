import type { IgnitionModule, IgnitionModuleResult } from "@nomicfoundation/ignition-core";
import type { NetworkConnection } from "hardhat/types/network";

/**
 * Deploys `module` with Ignition and checks that every contract it returns has code. A journal left from a node that
 * has since restarted names addresses that are empty on the new chain, and calls to them would "succeed" silently.
 */
export async function deployModule<ModuleT extends IgnitionModule<string, string, IgnitionModuleResult<string>>>(
  connection: NetworkConnection,
  module: ModuleT,
) {
  const deployed = await connection.ignition.deploy(module);
  for (const [name, contract] of Object.entries(deployed)) {
    const address = await (contract as { getAddress(): Promise<string> }).getAddress();
    if ((await connection.ethers.provider.getCode(address)) === "0x") {
      const chainId = (await connection.ethers.provider.getNetwork()).chainId;
      throw new Error(
        `${module.id}#${name} is recorded at ${address}, but that address has no code on chain ${chainId}: the ` +
          `Ignition journal deploy/deployments/chain-${chainId} is from an earlier chain (a restarted node?). ` +
          `Remove that folder and run again.`,
      );
    }
  }
  return deployed;
}
