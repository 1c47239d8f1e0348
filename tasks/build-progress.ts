import { definePlugin } from "hardhat/plugins";

// Says what a compile is doing, and how long it may take, before it starts: Hardhat's own spinner prints nothing
// when the output is not a terminal (a CI log, a test's child process, `ignition deploy` piped), so a cold build
// looked like minutes of silence. One line per solc job, from the `invokeSolc` hook; nothing when nothing compiles.
const buildProgress = definePlugin({
  id: "chainproof-build-progress",
  hookHandlers: { solidity: () => import("./build-progress-hooks.js") },
});

export default buildProgress;
