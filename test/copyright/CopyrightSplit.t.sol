// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CopyrightRegistry} from "../../contracts/copyright/CopyrightRegistry.sol";
import {ICopyrightRegistry} from "../../contracts/copyright/ICopyrightRegistry.sol";
import {CopyrightTestToken} from "../../contracts/mocks/copyright/CopyrightTestToken.sol";

import {PropertyViolated, vm} from "./CopyrightVm.sol";

/// Fee splits: the credits of every author always sum to the fee paid, and the registry holds exactly that.
contract CopyrightSplitFuzzTest {
    CopyrightRegistry private immutable REGISTRY;
    CopyrightTestToken private immutable TOKEN;
    address private constant BUYER = address(0xB0B);

    // Deploying in the constructor keeps the registry's code out of this contract's runtime code (size limit).
    constructor() {
        REGISTRY = new CopyrightRegistry(address(this), 1 days);
        TOKEN = new CopyrightTestToken();
    }

    function testFuzzFeeSplitSumsToFee(uint96 fee, uint8 count, uint256 seed) external {
        uint256 n = 1 + (count % 16);
        ICopyrightRegistry.Author[] memory authors = new ICopyrightRegistry.Author[](n);
        uint256 remaining = 10_000;
        for (uint256 i; i < n; ++i) {
            uint256 shares = remaining - (n - 1 - i);
            if (i + 1 < n) shares = 1 + (uint256(keccak256(abi.encode(seed, i))) % shares);
            remaining -= shares;
            authors[i] = ICopyrightRegistry.Author({account: address(uint160(0x1000 + i)), shares: uint16(shares)});
        }
        uint256 workId = REGISTRY.registerWork(keccak256(abi.encode(seed, "work")), 2, "", authors);
        ICopyrightRegistry.Terms memory terms;
        terms.currency = address(TOKEN);
        terms.fee = fee;
        bytes32 id = REGISTRY.registerTerms(terms);
        REGISTRY.attachTerms(workId, id);
        TOKEN.mint(BUYER, fee);
        vm.prank(BUYER);
        TOKEN.approve(address(REGISTRY), fee);
        vm.prank(BUYER);
        REGISTRY.purchaseLicense(workId, id, fee, authors);

        uint256 sum;
        for (uint256 i; i < n; ++i) {
            uint256 credit = REGISTRY.creditOf(authors[i].account, address(TOKEN));
            uint256 exact = (uint256(fee) * authors[i].shares) / 10_000;
            if (i == 0) {
                // The first author takes the dust: less than one unit per other author.
                if (!(credit >= exact && credit - exact < n))
                    revert PropertyViolated("first author's dust out of bounds");
            } else {
                if (credit != exact) revert PropertyViolated("share not floor(fee x shares)");
            }
            sum += credit;
        }
        if (sum != fee) revert PropertyViolated("credits do not sum to the fee");
        if (TOKEN.balanceOf(address(REGISTRY)) != fee) revert PropertyViolated("registry does not hold the fee");
        if (TOKEN.balanceOf(BUYER) != 0) revert PropertyViolated("buyer kept part of the fee");
    }
}
