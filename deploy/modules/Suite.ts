import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import EvidenceModule from "./Evidence.js";

/** The whole suite, wired through the module graph: deploy this one to a new chain. */
export default buildModule("Suite", (m) => {
  const { evidenceRegistry } = m.useModule(EvidenceModule);
  return { evidenceRegistry };
});
