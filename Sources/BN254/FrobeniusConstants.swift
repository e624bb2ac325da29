/// Frobenius coefficients of the tower Fp2 ⊂ Fp6 ⊂ Fp12 (v³ = ξ, w² = v, so w⁶ = ξ = 9 + u).
///
/// Written as Montgomery-form constants (generated once with Python integers);
/// `TowerFrobeniusConstantTests` recomputes every one of them with GMP integers
/// (`BigInt` exponents (p^k − 1)/6 and a square-and-multiply in Fp2), and the tests
/// `x^p == x.frobenius(1)` check their use.
///
/// For an element a·w^i (a ∈ Fp2): (a·w^i)^(p^k) = a^(p^k)·w^i·ξ^(i·(p^k − 1)/6), so the power p^k
/// of Fp12 (and of Fp6, where v^j = w^(2j)) conjugates the Fp2 coefficients for odd k and scales
/// the coefficient of w^i by `g<k><i>` = ξ^(i·(p^k − 1)/6). For k = 2 the factors lie in Fp.
/// The same constants map twist points: π(x, y) = (x̄·g12, ȳ·g13) on E'(Fp2).
public enum Frobenius {
    /// ξ^(1·(p^1 − 1)/6)
    @inlinable @inline(__always) public static var g11: Fp2 {
        Fp2(Fp(montgomery: (0xaf9ba69633144907, 0xca6b1d7387afb78a, 0x11bded5ef08a2087, 0x02f34d751a1f3a7c)),
            Fp(montgomery: (0xa222ae234c492d72, 0xd00f02a4565de15b, 0xdc2ff3a253dfc926, 0x10a75716b3899551)))
    }
    /// ξ^(2·(p^1 − 1)/6)
    @inlinable @inline(__always) public static var g12: Fp2 {
        Fp2(Fp(montgomery: (0xb5773b104563ab30, 0x347f91c8a9aa6454, 0x7a007127242e0991, 0x1956bcd8118214ec)),
            Fp(montgomery: (0x6e849f1ea0aa4757, 0xaa1c7b6d89f89141, 0xb6e713cdfae0ca3a, 0x26694fbb4e82ebc3)))
    }
    /// ξ^(3·(p^1 − 1)/6)
    @inlinable @inline(__always) public static var g13: Fp2 {
        Fp2(Fp(montgomery: (0xe4bbdd0c2936b629, 0xbb30f162e133bacb, 0x31a9d1b6f9645366, 0x253570bea500f8dd)),
            Fp(montgomery: (0xa1d77ce45ffe77c7, 0x07affd117826d1db, 0x6d16bd27bb7edc6b, 0x2c87200285defecc)))
    }
    /// ξ^(4·(p^1 − 1)/6)
    @inlinable @inline(__always) public static var g14: Fp2 {
        Fp2(Fp(montgomery: (0x7361d77f843abe92, 0xa5bb2bd3273411fb, 0x9c941f314b3e2399, 0x15df9cddbb9fd3ec)),
            Fp(montgomery: (0x5dddfd154bd8c949, 0x62cb29a5a4445b60, 0x37bc870a0c7dd2b9, 0x24830a9d3171f0fd)))
    }
    /// ξ^(5·(p^1 − 1)/6)
    @inlinable @inline(__always) public static var g15: Fp2 {
        Fp2(Fp(montgomery: (0xc970692f41690fe7, 0xe240342127694b0b, 0x32bee66b83c459e8, 0x12aabced0ab08841)),
            Fp(montgomery: (0x0d485d2340aebfa9, 0x05193418ab2fcc57, 0xd3b0a40b8a4910f5, 0x2f21ebb535d2925a)))
    }
    /// ξ^(1·(p^3 − 1)/6)
    @inlinable @inline(__always) public static var g31: Fp2 {
        Fp2(Fp(montgomery: (0x365316184e46d97d, 0x0af7129ed4c96d9f, 0x659da72fca1009b5, 0x08116d8983a20d23)),
            Fp(montgomery: (0xb1df4af7c39c1939, 0x3d9f02878a73bf7f, 0x9b2220928caf0ae0, 0x26684515eff054a6)))
    }
    /// ξ^(2·(p^3 − 1)/6)
    @inlinable @inline(__always) public static var g32: Fp2 {
        Fp2(Fp(montgomery: (0xc9af22f716ad6bad, 0xb311782a4aa662b2, 0x19eeaf64e248c7f4, 0x20273e77e3439f82)),
            Fp(montgomery: (0xacc02860f7ce93ac, 0x3933d5817ba76b4c, 0x69e6188b446c8467, 0x0a46036d4417cc55)))
    }
    /// ξ^(3·(p^3 − 1)/6)
    @inlinable @inline(__always) public static var g33: Fp2 {
        Fp2(Fp(montgomery: (0x5764af0aaf46471e, 0xdc50792e873e0fc1, 0x86a673ff881d04f6, 0x0b2eddb43c30a74c)),
            Fp(montgomery: (0x9a490f32787e8580, 0x8fd16d7ff04af8b1, 0x4b39888ec6027bf2, 0x03dd2e705b52a15d)))
    }
    /// ξ^(4·(p^3 − 1)/6)
    @inlinable @inline(__always) public static var g34: Fp2 {
        Fp2(Fp(montgomery: (0x448a93a57b6762df, 0xbfd62df528fdeadf, 0xd858f5d00e9bd47a, 0x06b03d4d3476ec58)),
            Fp(montgomery: (0x2b19daf4bcc936d1, 0xa1a54e7a56f4299f, 0xb533eee05adeaef1, 0x170c812b84dda0b2)))
    }
    /// ξ^(5·(p^3 − 1)/6)
    @inlinable @inline(__always) public static var g35: Fp2 {
        Fp2(Fp(montgomery: (0xe0bc4b2275cf559f, 0xc238b945c154e60f, 0x803982a5929a7d5e, 0x15ce052df7e4a37e)),
            Fp(montgomery: (0x2d28efbdbf3799a7, 0x9b097e3c1ad60773, 0x982d4113af4a535b, 0x24e18991e3056063)))
    }
    /// ξ^(1·(p² − 1)/6) ∈ Fp
    @inlinable @inline(__always) public static var g21: Fp { Fp(montgomery: (0xca8d800500fa1bf2, 0xf0c5d61468b39769, 0x0e201271ad0d4418, 0x04290f65bad856e6)) }
    /// ξ^(2·(p² − 1)/6) ∈ Fp
    @inlinable @inline(__always) public static var g22: Fp { Fp(montgomery: (0x3350c88e13e80b9c, 0x7dce557cdb5e56b9, 0x6001b4b8b615564a, 0x2682e617020217e0)) }
    /// ξ^(3·(p² − 1)/6) ∈ Fp
    @inlinable @inline(__always) public static var g23: Fp { Fp(montgomery: (0x68c3488912edefaa, 0x8d087f6872aabf4f, 0x51e1a24709081231, 0x2259d6b14729c0fa)) }
    /// ξ^(4·(p² − 1)/6) ∈ Fp
    @inlinable @inline(__always) public static var g24: Fp { Fp(montgomery: (0x71930c11d782e155, 0xa6bb947cffbe3323, 0xaa303344d4741444, 0x2c3b3f0d26594943)) }
    /// ξ^(5·(p² − 1)/6) ∈ Fp
    @inlinable @inline(__always) public static var g25: Fp { Fp(montgomery: (0x08cfc388c494f1ab, 0x19b315148d1373d4, 0x584e90fdcb6c0213, 0x09e1685bdf2f8849)) }
}
