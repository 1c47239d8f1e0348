import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/** The evidence notarization suite: one ownerless, permissionless `EvidenceRegistry`. */
export default buildModule("Evidence", (m) => {
  const evidenceRegistry = m.contract("EvidenceRegistry");
  return { evidenceRegistry };
});
