import { overrideTask, task } from "hardhat/config";

export default [
  task("chain-check", "Probe the network's EVM (PUSH0, MCOPY) and say which build to deploy there: default or compat")
    .setAction(() => import("./chain/check.js"))
    .build(),

  // Deploying the default build to a chain without PUSH0/MCOPY fails with a bare revert (or later, in the signed
  // paths): probe first, and say to deploy the compat build instead.
  overrideTask(["ignition", "deploy"])
    .setAction(() => import("./chain/ignition-deploy.js"))
    .build(),
];
