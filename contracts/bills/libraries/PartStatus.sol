// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ISupplyChainBills} from "../ISupplyChainBills.sol";

/// @title PartStatus
/// @notice The status byte stored with each bills part: its `PartState` in the low four bits, the regulator's freeze
/// and the recourse takeover as flags on top.
library PartStatus {
    uint8 internal constant OFFERED = uint8(ISupplyChainBills.PartState.Offered);
    uint8 internal constant DISCOUNT_OFFERED = uint8(ISupplyChainBills.PartState.DiscountOffered);
    uint8 internal constant PLEDGE_OFFERED = uint8(ISupplyChainBills.PartState.PledgeOffered);
    uint8 internal constant HELD = uint8(ISupplyChainBills.PartState.Held);
    uint8 internal constant PLEDGED = uint8(ISupplyChainBills.PartState.Pledged);
    uint8 internal constant REDEEMED = uint8(ISupplyChainBills.PartState.Redeemed);
    uint8 internal constant CANCELLED = uint8(ISupplyChainBills.PartState.Cancelled);
    uint8 internal constant BURNED = uint8(ISupplyChainBills.PartState.Burned);
    /// @dev Set while the regulator has the part frozen.
    uint8 internal constant FROZEN = 0x80;
    /// @dev Set once a recourse payer took the part's claim over.
    uint8 internal constant TAKEN_OVER = 0x40;
    uint8 internal constant STATE_MASK = 0x0f;

    /// @dev The lifecycle state, without the flags.
    function state(uint8 status) internal pure returns (ISupplyChainBills.PartState) {
        return ISupplyChainBills.PartState(status & STATE_MASK);
    }

    /// @dev Whether the regulator froze the part.
    function isFrozen(uint8 status) internal pure returns (bool) {
        return status & FROZEN != 0;
    }

    /// @dev Whether a recourse payer took the part's claim over.
    function isTakenOver(uint8 status) internal pure returns (bool) {
        return status & TAKEN_OVER != 0;
    }

    /// @dev Whether the part exists as an ERC-721 token (neither never minted, cancelled nor burned).
    function exists(uint8 status) internal pure returns (bool) {
        uint8 s = status & STATE_MASK;
        return s != 0 && s != CANCELLED && s != BURNED;
    }
}
