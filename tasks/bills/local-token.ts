import { InvalidInputError } from "../../src/errors.js";
import { decimalsOf, formatTokenAmount, parseTokenAmount } from "../amounts.js";
import { cliAction, integerArgument } from "../cli.js";

interface Args {
  decimals: string;
  mint: string;
}

/** Chain ids of development nodes (Hardhat, Anvil: 31337; Ganache and others: 1337): the only chains it deploys to. */
export const LOCAL_CHAIN_IDS = [31_337n, 1_337n];

// A settlement token for trying bills on a local node: the freely mintable test ERC-20 (contracts/mocks), deployed and
// minted to every account of the network. Never deployed anywhere else: anyone can mint it.
export default cliAction<Args>(async (args, hre) => {
  const decimals = Number(integerArgument(args.decimals, "--decimals"));
  if (decimals > 36) throw new InvalidInputError(`--decimals must be at most 36, got ${decimals}`);
  const amount = parseTokenAmount(args.mint, decimals, "--mint");
  const connection = await hre.network.create();
  const { chainId } = await connection.ethers.provider.getNetwork();
  if (!LOCAL_CHAIN_IDS.includes(chainId)) {
    throw new InvalidInputError(
      `bills local-token deploys a test token anyone can mint: only on a local node (chain id 31337 or 1337), not on chain ${chainId} (network "${connection.networkName}")`,
    );
  }
  const signers = await connection.ethers.getSigners();
  const token = await connection.ethers.deployContract("MockStablecoin", [decimals], signers[0]);
  await token.waitForDeployment();
  const address = await token.getAddress();
  for (const signer of signers) await (await token.getFunction("mint")(signer.address, amount)).wait();
  const shown = formatTokenAmount(amount, await decimalsOf(connection.ethers.provider, address));
  console.log(`deployed the test settlement token mCNY (${decimals} decimals) on chain ${chainId}`);
  console.log(`minted ${shown} mCNY to each of the network's ${signers.length} accounts`);
  console.log(`TOKEN=${address}`);
});
