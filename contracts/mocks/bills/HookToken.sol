// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ITokenHookReceiver
/// @notice What `HookToken` calls on a contract recipient after every transfer.
interface ITokenHookReceiver {
    /// @notice Called after `amount` reached the recipient.
    /// @param from The sender.
    /// @param amount Token units received.
    function onTokenReceived(address from, uint256 amount) external;
}

/// @title HookToken
/// @notice ERC-20 (2 decimals) that calls `onTokenReceived` on contract recipients after each transfer, like ERC-777
/// or ERC-1363 tokens do: a recipient can re-enter whoever paid it. Test-only.
contract HookToken is ERC20 {
    constructor() ERC20("Hook Token", "HOOK") {}

    /// @notice Mints `amount` to `to` (anyone may call: test token).
    /// @param to The recipient.
    /// @param amount Token units.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @inheritdoc ERC20
    function decimals() public pure override returns (uint8) {
        return 2;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        // Recipients without the hook (e.g. the bills contract when funded) are simply paid.
        if (from != address(0) && to.code.length > 0) {
            // solhint-disable-next-line avoid-low-level-calls
            (bool ok, ) = to.call(abi.encodeCall(ITokenHookReceiver.onTokenReceived, (from, value)));
            ok; // a failing hook does not stop the transfer
        }
    }
}
