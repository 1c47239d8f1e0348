// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";

/// @title IERC3525
/// @notice The ERC-3525 semi-fungible token interface (interface id 0xd5358140), declared non-payable: bills
/// never take ether. Selectors, and so the interface id, are those of the standard.
interface IERC3525 is IERC721 {
    /// @notice Value moved from one token to another (from 0 when minted, to 0 when burned).
    /// @param _fromTokenId Source token (0: minted).
    /// @param _toTokenId Destination token (0: burned).
    /// @param _value Value moved.
    event TransferValue(uint256 indexed _fromTokenId, uint256 indexed _toTokenId, uint256 _value);
    /// @notice A value allowance was set.
    /// @param _tokenId The token.
    /// @param _operator Who may move value out of it.
    /// @param _value How much.
    event ApprovalValue(uint256 indexed _tokenId, address indexed _operator, uint256 _value);
    /// @notice A token's slot was set (at mint) or changed.
    /// @param _tokenId The token.
    /// @param _oldSlot Previous slot (0 at mint).
    /// @param _newSlot New slot.
    event SlotChanged(uint256 indexed _tokenId, uint256 indexed _oldSlot, uint256 indexed _newSlot);

    /// @notice Decimals of token values.
    /// @return The decimals.
    function valueDecimals() external view returns (uint8);

    /// @notice Value of a token.
    /// @param _tokenId The token.
    /// @return Its value.
    function balanceOf(uint256 _tokenId) external view returns (uint256);

    /// @notice Slot of a token.
    /// @param _tokenId The token.
    /// @return Its slot.
    function slotOf(uint256 _tokenId) external view returns (uint256);

    /// @notice Lets `_operator` move up to `_value` out of `_tokenId`.
    /// @param _tokenId The token.
    /// @param _operator The operator.
    /// @param _value The allowance.
    function approve(uint256 _tokenId, address _operator, uint256 _value) external;

    /// @notice Value `_operator` may still move out of `_tokenId`.
    /// @param _tokenId The token.
    /// @param _operator The operator.
    /// @return The remaining allowance.
    function allowance(uint256 _tokenId, address _operator) external view returns (uint256);

    /// @notice Moves value between two tokens of the same slot.
    /// @param _fromTokenId Source token.
    /// @param _toTokenId Destination token.
    /// @param _value Value to move.
    function transferFrom(uint256 _fromTokenId, uint256 _toTokenId, uint256 _value) external;

    /// @notice Moves value to a new token owned by `_to`.
    /// @param _fromTokenId Source token.
    /// @param _to Owner of the new token.
    /// @param _value Value to move.
    /// @return The new token's id.
    function transferFrom(uint256 _fromTokenId, address _to, uint256 _value) external returns (uint256);
}
