import { decodeBillEvent, describeBillEvent, type BillEvent } from "../../src/bills/index.js";
import { cliAction } from "../cli.js";
import { billsClient, parseId } from "./client.js";

interface Args {
  package: string;
  part?: string;
  fromBlock?: string;
  bills?: string;
}

/** Yuan amounts in a line, grouped the way the rest of the CLI groups them ("1000000.00 yuan" -> "1,000,000.00"). */
const groupYuan = (line: string) =>
  line.replace(/\b(\d{4,})\.(\d\d) yuan/g, (_, whole: string, cents: string) => {
    return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents} yuan`;
  });

export default cliAction<Args>(async (args, hre) => {
  const { client, connection } = await billsClient(hre, { ...args, readOnly: true });
  const packageId = parseId(args.package, "package");
  const fromBlock = args.fromBlock === undefined ? 0 : parseId(args.fromBlock, "--from-block");
  const range = { fromBlock };
  let events: BillEvent[];
  if (args.part !== undefined) {
    events = await client.partHistory(parseId(args.part, "--part"), range);
  } else {
    // The bill's events, and every movement of value between its parts (a split, an endorsement signed in one step,
    // a merge), which the bill events alone do not show: one line for each value move.
    const contract = client.contract;
    const moves = await connection.ethers.provider.getLogs({
      address: await contract.getAddress(),
      topics: [contract.interface.getEvent("TransferValue").topicHash],
      fromBlock,
      toBlock: "latest",
    });
    const ofBill = moves
      .map((log) => decodeBillEvent(contract, log))
      .filter(
        (e): e is BillEvent & { name: "TransferValue" } =>
          e?.name === "TransferValue" && e.packageId === packageId && e.fromTokenId !== 0n,
      );
    events = [...(await client.history(packageId, range)), ...ofBill].sort(
      (a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex,
    );
  }
  if (events.length === 0) {
    console.log(`no events for package ${packageId}${args.part === undefined ? "" : ` part ${args.part}`}`);
    return;
  }
  for (const event of events) {
    console.log(groupYuan(`block ${event.blockNumber}: ${event.name}: ${describeBillEvent(event)}`));
  }
});
