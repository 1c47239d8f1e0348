import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { TaskArguments } from "hardhat/types/tasks";

import { assertChainSupports } from "../../src/chain.js";
import { SdkError } from "../../src/errors.js";

/**
 * `ignition deploy` with a probe of the chain first when the build is not `compat`: a chain without PUSH0/MCOPY gets
 * UnsupportedChainError's one line (deploy with --build-profile compat) and nothing is sent.
 */
export default async function deployAfterProbe(
  args: TaskArguments,
  hre: HardhatRuntimeEnvironment,
  runSuper: (args: TaskArguments) => Promise<unknown>,
): Promise<unknown> {
  if (hre.globalOptions.buildProfile !== "compat") {
    const connection = await hre.network.create();
    try {
      await assertChainSupports(connection.ethers.provider, "default");
    } catch (error) {
      if (!(error instanceof SdkError)) throw error;
      if (error.code !== "UNSUPPORTED_CHAIN") {
        console.warn(`warning: ${error.message}; deploying without the check`);
      } else {
        console.error(`error: ${error.message}`);
        process.exitCode = 1;
        return undefined;
      }
    } finally {
      await connection.close();
    }
  }
  return runSuper(args);
}
