import { cliAction } from "../cli.js";
import { copyrightClient } from "./client.js";

interface Args {
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await copyrightClient(hre, args);
  const mined = await client.unpause();
  console.log(`registry unpaused in ${mined.transaction}`);
});
