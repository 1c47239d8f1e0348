// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";

import {ICopyrightRegistry} from "../../copyright/ICopyrightRegistry.sol";

/// @notice The front-running copier of the takeover tests: in one transaction it registers a digest copied from a
/// pending reveal, offers itself free, perpetual, worldwide, exclusive, sublicensable terms allowing derivatives,
/// buys them and sets a 100% EIP-2981 rate, hoping the rightful owner can never license the work. The registry refuses
/// the purchase (`WorkNotSettled`): a work cannot be licensed before a reveal could no longer take it over.
contract CopyrightCopier {
    /// @notice Registers `digest` as the copier's work and locks it with an exclusive license to itself.
    /// @param registry The copyright registry.
    /// @param digest The copied digest.
    /// @return termsId The exclusive terms it bought.
    function squat(ICopyrightRegistry registry, bytes32 digest) external returns (bytes32 termsId) {
        ICopyrightRegistry.Author[] memory authors = new ICopyrightRegistry.Author[](1);
        authors[0] = ICopyrightRegistry.Author({account: address(this), shares: 10_000});
        uint256 workId = registry.registerWork(digest, 2, "ipfs://copy", authors);
        ICopyrightRegistry.Terms memory terms;
        terms.exclusive = true;
        terms.sublicensable = true;
        terms.derivativesAllowed = true;
        termsId = registry.registerTerms(terms);
        registry.attachTerms(workId, termsId);
        registry.purchaseLicense(workId, termsId, 0, authors);
        registry.setWorkRoyalty(workId, 10_000);
    }

    /// @notice Calls `target` with `data` as the copier (e.g. `sublicense`, `registerDerivative`), bubbling reverts.
    /// @param target The contract to call.
    /// @param data The call data.
    /// @return result The call's return data.
    function execute(address target, bytes calldata data) external returns (bytes memory result) {
        return Address.functionCall(target, data);
    }
}
