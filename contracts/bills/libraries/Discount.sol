// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Constants} from "../../common/Constants.sol";

/// @title Discount
/// @notice The discount (贴现) price of a bill part: its gross amount less simple interest at an annual rate on a
/// 360-day year, for the days left to maturity rounded up to whole days. The SDK mirrors this formula in
/// `src/bills/discount.ts`; a test holds both to the same results.
library Discount {
    /// @dev Days in a year for bill discounting in China.
    uint256 internal constant DAYS_PER_YEAR = 360;

    /// @dev Whole days charged from `timestamp` to `maturity` (rounded up), with days `dayLength` time units long.
    /// Requires `timestamp < maturity`.
    function daysToMaturity(uint256 maturity, uint256 timestamp, uint256 dayLength) internal pure returns (uint256) {
        return (maturity - timestamp + dayLength - 1) / dayLength;
    }

    /// @dev What a financier pays for `gross` token units due in `daysLeft` days at `rateBps` a year: gross less
    /// interest (rounded down), never below zero.
    function price(uint256 gross, uint256 rateBps, uint256 daysLeft) internal pure returns (uint256) {
        uint256 interest = (gross * rateBps * daysLeft) / (DAYS_PER_YEAR * Constants.BPS);
        return interest < gross ? gross - interest : 0;
    }

    /// @dev Price and days charged for `gross` token units due at `maturity`, quoted at `timestamp`.
    function quote(
        uint256 gross,
        uint256 rateBps,
        uint256 maturity,
        uint256 timestamp,
        uint256 dayLength
    ) internal pure returns (uint256, uint256 daysLeft) {
        daysLeft = daysToMaturity(maturity, timestamp, dayLength);
        return (price(gross, rateBps, daysLeft), daysLeft);
    }
}
