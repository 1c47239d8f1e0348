import { probeChain } from "../../src/chain.js";
import { cliAction } from "../cli.js";

export default cliAction<Record<string, unknown>>(async (_args, hre) => {
  const connection = await hre.network.create();
  const support = await probeChain(connection.ethers.provider);
  const has = (feature: string) => (support.supported.some((f) => f === feature) ? "yes" : "no");
  console.log(
    `chain ${support.chainId} (network ${connection.networkName}): PUSH0 ${has("PUSH0")}, MCOPY ${has("MCOPY")}`,
  );
  console.log(
    support.target === "default"
      ? "deploy the default build (Cancun); the compat build runs here too"
      : "deploy the compat build: npx hardhat ignition deploy <module> --build-profile compat --network " +
          `${connection.networkName}; in code, import "@chainproof/contracts/typechain-types/compat"`,
  );
  await connection.close();
});
