import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import BillsModule from "./Bills.js";
import CopyrightModule from "./Copyright.js";
import EvidenceModule from "./Evidence.js";
import ParticipantsModule from "./Participants.js";

/** The whole suite, wired through the module graph: deploy this one to a new chain. */
export default buildModule("Suite", (m) => {
  const { evidenceRegistry } = m.useModule(EvidenceModule);
  const { participantRegistry } = m.useModule(ParticipantsModule);
  const { supplyChainBills } = m.useModule(BillsModule);
  const { copyrightRegistry, copyrightDisputes, copyrightRelay } = m.useModule(CopyrightModule);
  return {
    evidenceRegistry,
    participantRegistry,
    supplyChainBills,
    copyrightRegistry,
    copyrightDisputes,
    copyrightRelay,
  };
});
