import { cliAction } from "../cli.js";
import { copyrightClient } from "./client.js";

interface Args {
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await copyrightClient(hre, args);
  const mined = await client.pause();
  console.log(`registry paused in ${mined.transaction} (withdrawals, transfers and rulings stay open)`);
});
