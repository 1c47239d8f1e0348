// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IERC3525Receiver
/// @notice The ERC-3525 receiver interface (ERC-165 id 0x009ce20b): a contract that implements it is called after
/// value reaches one of its tokens through an ERC-3525 value transfer, and accepts by returning the selector.
interface IERC3525Receiver {
    /// @notice Handles the receipt of ERC-3525 value.
    /// @param _operator Who called the transfer.
    /// @param _fromTokenId Source token.
    /// @param _toTokenId Destination token (owned by the receiver).
    /// @param _value Value moved.
    /// @param _data Additional data (empty from this contract).
    /// @return `IERC3525Receiver.onERC3525Received.selector` to accept; anything else (or a revert) refuses.
    function onERC3525Received(
        address _operator,
        uint256 _fromTokenId,
        uint256 _toTokenId,
        uint256 _value,
        bytes calldata _data
    ) external returns (bytes4);
}
