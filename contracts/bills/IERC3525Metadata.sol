// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";

import {IERC3525} from "./IERC3525.sol";

/// @title IERC3525Metadata
/// @notice The ERC-3525 metadata extension (interface id 0xe1600902): URIs of the contract and of each slot, beside
/// the ERC-721 metadata of each token.
interface IERC3525Metadata is IERC3525, IERC721Metadata {
    /// @notice The contract's metadata URI (a JSON document about the collection).
    /// @return The URI.
    function contractURI() external view returns (string memory);

    /// @notice A slot's metadata URI.
    /// @param _slot The slot.
    /// @return The URI.
    function slotURI(uint256 _slot) external view returns (string memory);
}
