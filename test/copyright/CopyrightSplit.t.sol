// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CopyrightRegistry} from "../../contracts/copyright/CopyrightRegistry.sol";
import {ICopyrightRegistry} from "../../contracts/copyright/ICopyrightRegistry.sol";
import {CopyrightTestToken} from "../../contracts/mocks/copyright/CopyrightTestToken.sol";

import {Test} from "../common/Test.sol";
import {vm} from "../common/Vm.sol";

/// Fee splits: the credits of every author always sum to the fee paid, and the registry holds exactly that.
contract CopyrightSplitFuzzTest is Test {
    CopyrightRegistry private immutable REGISTRY;
    CopyrightTestToken private immutable TOKEN;
    address private constant BUYER = address(0xB0B);

    // Deploying in the constructor keeps the registry's code out of this contract's runtime code (size limit).
    constructor() {
        REGISTRY = new CopyrightRegistry(address(this), address(this), 1 days);
        TOKEN = new CopyrightTestToken();
    }

    function testFuzzFeeSplitSumsToFee(uint96 fee, uint8 count, uint256 seed) external {
        uint256 n = 1 + (count % 16);
        ICopyrightRegistry.Author[] memory authors = _authors(n, seed, 0x1000);
        uint256 workId = REGISTRY.registerWork(keccak256(abi.encode(seed, "work")), 2, "", authors);
        // Licensing waits for settlement (finding 11).
        vm.warp(REGISTRY.settledAt(workId));
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
                assertTrue(credit >= exact && credit - exact < n, "first author's dust out of bounds");
            } else {
                assertEq(credit, exact, "share not floor(fee x shares)");
            }
            sum += credit;
        }
        assertEq(sum, fee, "credits do not sum to the fee");
        assertEq(TOKEN.balanceOf(address(REGISTRY)), fee, "registry does not hold the fee");
        assertEq(TOKEN.balanceOf(BUYER), 0, "buyer kept part of the fee");
    }

    /// Revenue of a derivative with two licensed parents: parents' royalties and the rest always sum to the amount.
    function testFuzzRevenueSplitSumsToAmount(uint96 amount, uint16 rateA, uint16 rateB, uint256 seed) external {
        rateA = uint16(bound(rateA, 0, 5_000));
        rateB = uint16(bound(rateB, 0, 5_000));
        ICopyrightRegistry.Author[] memory authorsA = _authors(1 + (seed % 5), seed, 0x2000);
        ICopyrightRegistry.Author[] memory authorsB = _authors(1 + ((seed >> 8) % 5), seed >> 16, 0x3000);
        ICopyrightRegistry.Author[] memory own = _authors(1 + ((seed >> 24) % 5), seed >> 32, 0x4000);
        uint256[] memory parents = new uint256[](2);
        bytes32[] memory parentTerms = new bytes32[](2);
        parents[0] = REGISTRY.registerWork(keccak256(abi.encode(seed, "a")), 2, "", authorsA);
        parents[1] = REGISTRY.registerWork(keccak256(abi.encode(seed, "b")), 2, "", authorsB);
        // Licensing and revenue wait for settlement (finding 11).
        vm.warp(REGISTRY.settledAt(parents[1]));
        parentTerms[0] = _licenseFrom(parents[0], rateA, authorsA);
        parentTerms[1] = _licenseFrom(parents[1], rateB, authorsB);
        vm.prank(BUYER);
        uint256 workId = REGISTRY.registerDerivative(
            keccak256(abi.encode(seed, "remix")),
            2,
            "",
            own,
            parents,
            parentTerms
        );
        vm.warp(REGISTRY.settledAt(workId));
        TOKEN.mint(BUYER, amount);
        vm.prank(BUYER);
        TOKEN.approve(address(REGISTRY), amount);
        ICopyrightRegistry.Author[][] memory parentAuthors = new ICopyrightRegistry.Author[][](2);
        parentAuthors[0] = authorsA;
        parentAuthors[1] = authorsB;
        vm.prank(BUYER);
        REGISTRY.payRevenue(workId, address(TOKEN), amount, own, parentAuthors);

        _assertRevenue(
            amount,
            (uint256(amount) * rateA) / 10_000,
            (uint256(amount) * rateB) / 10_000,
            authorsA,
            authorsB,
            own
        );
    }

    function _assertRevenue(
        uint256 amount,
        uint256 royaltyA,
        uint256 royaltyB,
        ICopyrightRegistry.Author[] memory authorsA,
        ICopyrightRegistry.Author[] memory authorsB,
        ICopyrightRegistry.Author[] memory own
    ) private view {
        assertEq(_sum(authorsA), royaltyA, "parent A royalty");
        assertEq(_sum(authorsB), royaltyB, "parent B royalty");
        assertEq(_sum(own), amount - royaltyA - royaltyB, "the derivative's authors get the rest");
        assertEq(TOKEN.balanceOf(address(REGISTRY)), amount, "registry does not hold the revenue");
    }

    function _licenseFrom(
        uint256 workId,
        uint16 rate,
        ICopyrightRegistry.Author[] memory authors
    ) private returns (bytes32 id) {
        ICopyrightRegistry.Terms memory terms;
        terms.currency = address(TOKEN);
        terms.derivativesAllowed = true;
        terms.royaltyBps = rate;
        id = REGISTRY.registerTerms(terms);
        REGISTRY.attachTerms(workId, id);
        vm.prank(BUYER);
        REGISTRY.purchaseLicense(workId, id, 0, authors);
    }

    function _sum(ICopyrightRegistry.Author[] memory authors) private view returns (uint256 total) {
        for (uint256 i; i < authors.length; ++i) total += REGISTRY.creditOf(authors[i].account, address(TOKEN));
    }

    /// `n` authors at consecutive addresses from `base`, with random shares summing to 10,000.
    function _authors(
        uint256 n,
        uint256 seed,
        uint160 base
    ) private pure returns (ICopyrightRegistry.Author[] memory authors) {
        authors = new ICopyrightRegistry.Author[](n);
        uint256 remaining = 10_000;
        for (uint256 i; i < n; ++i) {
            uint256 shares = remaining - (n - 1 - i);
            if (i + 1 < n) shares = 1 + (uint256(keccak256(abi.encode(seed, i))) % shares);
            remaining -= shares;
            authors[i] = ICopyrightRegistry.Author({account: address(uint160(base + i)), shares: uint16(shares)});
        }
    }
}
