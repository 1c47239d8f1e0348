// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

/// @title BillsMetadata
/// @notice The metadata of `SupplyChainBills` (ERC-721 `name`, `symbol`, `tokenURI` and ERC-3525 `contractURI`,
/// `slotURI`), served from the base URI set at deployment: `<base>token/<tokenId>`, `<base>contract` and
/// `<base>slot/<packageId>` (ids in decimal), or empty strings without a base URI.
/// @dev The bills contract deploys its own instance in its constructor and forwards those calls to it once it has
/// checked that the token or slot exists, so the string building costs no code in the bills contract. Nothing here
/// changes after deployment and nothing here checks existence: ask the bills contract.
contract BillsMetadata {
    /// @notice Prefix of every URI (empty: none).
    string public baseURI;

    /// @param base The base URI, e.g. "https://bills.example.com/api/"; empty for none.
    constructor(string memory base) {
        baseURI = base;
    }

    /// @notice The collection's name.
    function name() external pure returns (string memory) {
        return "Supply Chain Bills";
    }

    /// @notice The collection's symbol.
    function symbol() external pure returns (string memory) {
        return "BILL";
    }

    /// @notice `<base>token/<tokenId>`, empty without a base URI.
    /// @param tokenId A part id.
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        return _uri("token/", tokenId, true);
    }

    /// @notice `<base>contract`, empty without a base URI.
    function contractURI() external view returns (string memory) {
        return _uri("contract", 0, false);
    }

    /// @notice `<base>slot/<slot>`, empty without a base URI.
    /// @param slot A package id.
    function slotURI(uint256 slot) external view returns (string memory) {
        return _uri("slot/", slot, true);
    }

    function _uri(string memory path, uint256 id, bool withId) private view returns (string memory) {
        string memory base = baseURI;
        if (bytes(base).length == 0) return "";
        return string.concat(base, path, withId ? Strings.toString(id) : "");
    }
}
