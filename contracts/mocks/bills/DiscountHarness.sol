// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Discount} from "../../bills/libraries/Discount.sol";

/// @title DiscountHarness
/// @notice Exposes the bills discount library, so tests can hold the SDK's formula to it on random inputs.
contract DiscountHarness {
    /// @notice `Discount.quote`.
    function quote(
        uint256 gross,
        uint256 rateBps,
        uint256 maturity,
        uint256 timestamp,
        uint256 dayLength
    ) external pure returns (uint256 price, uint256 daysLeft) {
        return Discount.quote(gross, rateBps, maturity, timestamp, dayLength);
    }
}
