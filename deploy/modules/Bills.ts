import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import EvidenceModule from "./Evidence.js";
import ParticipantsModule from "./Participants.js";

/** Supply-chain finance bills over the shared participant register and the evidence registry. No admin. */
export default buildModule("Bills", (m) => {
  const { participantRegistry } = m.useModule(ParticipantsModule);
  const { evidenceRegistry } = m.useModule(EvidenceModule);
  // The chain's block-time unit per second: 1 where blocks are stamped in seconds (Ethereum), 1000 in milliseconds
  // (FISCO BCOS). Maturities, the payment window and the discount's day count are all in this unit.
  const timeUnitsPerSecond = m.getParameter("timeUnitsPerSecond", 1n);
  // Time after maturity (in that unit) the acceptor has to pay before any holder may declare the bill dishonoured: at
  // least a day of chain time. The default, 0, lets the contract derive three days from the unit, so setting only
  // `timeUnitsPerSecond` (1000 on FISCO BCOS) never leaves a window of three days counted in the wrong unit.
  const paymentWindow = m.getParameter("paymentWindow", 0n);
  // Prefix of the bills' metadata URIs (tokenURI, contractURI, slotURI) that wallets and indexers read; empty: none.
  const baseURI = m.getParameter("baseURI", "");
  const supplyChainBills = m.contract("SupplyChainBills", [
    participantRegistry,
    evidenceRegistry,
    paymentWindow,
    timeUnitsPerSecond,
    baseURI,
  ]);
  return { supplyChainBills, participantRegistry, evidenceRegistry };
});
