// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";

/// @title IERC3525
/// @notice The ERC-3525 semi-fungible token interface (interface id 0xd5358140), declared non-payable: bills
/// never take ether. Selectors, and so the interface id, are those of the standard.
interface IERC3525 is IERC721 {
    /// @notice Value moved from one token to another (from 0 when minted, to 0 when burned).
    event TransferValue(uint256 indexed _fromTokenId, uint256 indexed _toTokenId, uint256 _value);
    /// @notice A value allowance was set.
    event ApprovalValue(uint256 indexed _tokenId, address indexed _operator, uint256 _value);
    /// @notice A token's slot was set (at mint) or changed.
    event SlotChanged(uint256 indexed _tokenId, uint256 indexed _oldSlot, uint256 indexed _newSlot);

    /// @notice Decimals of token values.
    function valueDecimals() external view returns (uint8);

    /// @notice Value of a token.
    function balanceOf(uint256 _tokenId) external view returns (uint256);

    /// @notice Slot of a token.
    function slotOf(uint256 _tokenId) external view returns (uint256);

    /// @notice Lets `_operator` move up to `_value` out of `_tokenId`.
    function approve(uint256 _tokenId, address _operator, uint256 _value) external;

    /// @notice Value `_operator` may still move out of `_tokenId`.
    function allowance(uint256 _tokenId, address _operator) external view returns (uint256);

    /// @notice Moves value between two tokens of the same slot.
    function transferFrom(uint256 _fromTokenId, uint256 _toTokenId, uint256 _value) external;

    /// @notice Moves value to a new token owned by `_to`; returns its id.
    function transferFrom(uint256 _fromTokenId, address _to, uint256 _value) external returns (uint256);
}
