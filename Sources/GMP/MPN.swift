import CGMP

/// GMP's fixed-size `mpn` layer, exposed only so the benchmark can measure it beside our limbs.
public enum MPN {
    /// r[0..<2n] = a[0..<n] * b[0..<n].
    public static func multiply(_ r: UnsafeMutablePointer<UInt64>, _ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, count n: Int) {
        zk_mpn_mul_n(r, a, b, n)
    }
    /// q, r = n / d (schoolbook division, remainder has dn limbs).
    public static func divide(quotient q: UnsafeMutablePointer<UInt64>, remainder r: UnsafeMutablePointer<UInt64>,
                                          _ n: UnsafePointer<UInt64>, count nn: Int, by d: UnsafePointer<UInt64>, count dn: Int) {
        zk_mpn_tdiv_qr(q, r, n, nn, d, dn)
    }
}
