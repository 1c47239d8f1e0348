// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title MockStablecoin
/// @notice Freely mintable ERC-20 with configurable decimals, for bills tests, bench and demo.
contract MockStablecoin is ERC20 {
    uint8 private immutable DECIMALS;

    /// @param decimals_ Token decimals.
    constructor(uint8 decimals_) ERC20("Mock Digital Yuan", "mCNY") {
        DECIMALS = decimals_;
    }

    /// @notice Mints `amount` to `to` (anyone may call: test token).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @inheritdoc ERC20
    function decimals() public view override returns (uint8) {
        return DECIMALS;
    }
}
