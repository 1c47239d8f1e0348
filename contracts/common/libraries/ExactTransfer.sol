// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IChainproofErrors} from "../IChainproofErrors.sol";

/// @title ExactTransfer
/// @notice ERC-20 payments that must arrive in full: the books of a bill or a license record the amount paid, so a
/// fee-on-transfer or rebasing token that delivers less (or more) is refused rather than left unbacked.
library ExactTransfer {
    using SafeERC20 for IERC20;

    /// @dev Moves `amount` of `token` from `from` to `to` and reverts `UnexpectedTokenAmount` unless `to`'s balance
    /// grew by exactly `amount`.
    function safeTransferFromExact(IERC20 token, address from, address to, uint256 amount) internal {
        uint256 before = token.balanceOf(to);
        token.safeTransferFrom(from, to, amount);
        uint256 balance = token.balanceOf(to);
        uint256 received = balance > before ? balance - before : 0;
        if (received != amount) revert IChainproofErrors.UnexpectedTokenAmount(address(token), received, amount);
    }
}
