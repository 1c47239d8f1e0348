import { cliAction } from "../cli.js";
import { billsClient, parseId } from "./client.js";
import { ONE_ID_TASKS, type OneIdTask, type OneIdTaskName } from "./one-id-tasks.js";

interface Args {
  package?: string;
  part?: string;
  bills?: string;
  from?: string;
}

/** The action of one of the eight tasks. */
export function oneIdAction(name: OneIdTaskName) {
  const spec: OneIdTask = ONE_ID_TASKS[name];
  return cliAction<Args>(async (args, hre) => {
    const id = parseId(args[spec.id] ?? "", spec.id);
    const { client } = await billsClient(hre, args);
    const mined = await spec.send(client, id);
    console.log(`${spec.done(id)} (tx ${mined.transaction}, gas ${mined.gasUsed})`);
  });
}
