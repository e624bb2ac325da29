// Readable static-inline wrappers over GMP. GMP's public names (mpz_add, mpn_mul_n, …) are C
// macros that expand to __gmpz_* symbols, which Swift's importer cannot see; each wrapper here
// gives Swift one real function. Only the Swift target `GMP` imports this module.
#ifndef ZKCLEAR_CGMP_SHIM_H
#define ZKCLEAR_CGMP_SHIM_H

#include <gmp.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>

typedef __mpz_struct zk_mpz;

static inline void zk_mpz_init(zk_mpz *x) { mpz_init(x); }
static inline void zk_mpz_clear(zk_mpz *x) { mpz_clear(x); }
static inline void zk_mpz_set(zk_mpz *r, const zk_mpz *a) { mpz_set(r, a); }
static inline void zk_mpz_set_ui(zk_mpz *r, unsigned long v) { mpz_set_ui(r, v); }
static inline void zk_mpz_set_si(zk_mpz *r, long v) { mpz_set_si(r, v); }
static inline int zk_mpz_set_str(zk_mpz *r, const char *s, int base) { return mpz_set_str(r, s, base); }
static inline char *zk_mpz_get_str(const zk_mpz *a, int base) { return mpz_get_str(NULL, base, a); }
static inline void zk_free_str(char *s) {
    void (*freefunc)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefunc);
    freefunc(s, strlen(s) + 1);
}
static inline size_t zk_mpz_sizeinbase(const zk_mpz *a, int base) { return mpz_sizeinbase(a, base); }
static inline int zk_mpz_cmp(const zk_mpz *a, const zk_mpz *b) { return mpz_cmp(a, b); }
static inline int zk_mpz_cmp_ui(const zk_mpz *a, unsigned long b) { return mpz_cmp_ui(a, b); }
static inline int zk_mpz_sgn(const zk_mpz *a) { return mpz_sgn(a); }
static inline void zk_mpz_add(zk_mpz *r, const zk_mpz *a, const zk_mpz *b) { mpz_add(r, a, b); }
static inline void zk_mpz_sub(zk_mpz *r, const zk_mpz *a, const zk_mpz *b) { mpz_sub(r, a, b); }
static inline void zk_mpz_mul(zk_mpz *r, const zk_mpz *a, const zk_mpz *b) { mpz_mul(r, a, b); }
static inline void zk_mpz_neg(zk_mpz *r, const zk_mpz *a) { mpz_neg(r, a); }
static inline void zk_mpz_fdiv_q(zk_mpz *q, const zk_mpz *n, const zk_mpz *d) { mpz_fdiv_q(q, n, d); }
static inline void zk_mpz_mod(zk_mpz *r, const zk_mpz *n, const zk_mpz *d) { mpz_mod(r, n, d); }
static inline void zk_mpz_powm(zk_mpz *r, const zk_mpz *b, const zk_mpz *e, const zk_mpz *m) { mpz_powm(r, b, e, m); }
static inline int zk_mpz_invert(zk_mpz *r, const zk_mpz *a, const zk_mpz *m) { return mpz_invert(r, a, m); }
static inline int zk_mpz_probab_prime_p(const zk_mpz *a, int reps) { return mpz_probab_prime_p(a, reps); }
static inline void zk_mpz_sqrt(zk_mpz *r, const zk_mpz *a) { mpz_sqrt(r, a); }
static inline int zk_mpz_legendre(const zk_mpz *a, const zk_mpz *p) { return mpz_legendre(a, p); }
static inline void zk_mpz_mul_2exp(zk_mpz *r, const zk_mpz *a, unsigned long n) { mpz_mul_2exp(r, a, n); }
static inline void zk_mpz_fdiv_q_2exp(zk_mpz *r, const zk_mpz *a, unsigned long n) { mpz_fdiv_q_2exp(r, a, n); }
static inline int zk_mpz_tstbit(const zk_mpz *a, unsigned long i) { return mpz_tstbit(a, i); }
static inline void zk_mpz_and(zk_mpz *r, const zk_mpz *a, const zk_mpz *b) { mpz_and(r, a, b); }

/// Import `count` 64-bit limbs, least significant first (native endianness).
static inline void zk_mpz_import_limbs(zk_mpz *r, const uint64_t *limbs, size_t count) {
    mpz_import(r, count, -1, sizeof(uint64_t), 0, 0, limbs);
}
/// Export |a| as up to `capacity` 64-bit limbs, least significant first; unused limbs are zeroed.
/// Returns the number of limbs needed (may exceed capacity: then nothing useful was written).
static inline size_t zk_mpz_export_limbs(uint64_t *limbs, size_t capacity, const zk_mpz *a) {
    size_t needed = (mpz_sizeinbase(a, 2) + 63) / 64;
    if (mpz_sgn(a) == 0) needed = 0;
    for (size_t i = 0; i < capacity; i++) limbs[i] = 0;
    if (needed > capacity) return needed;
    size_t written = 0;
    mpz_export(limbs, &written, -1, sizeof(uint64_t), 0, 0, a);
    return needed;
}

/// mpn layer (fixed-size natural numbers), used by the benchmark to compare against our limbs.
static inline void zk_mpn_mul_n(uint64_t *r, const uint64_t *a, const uint64_t *b, long n) {
    mpn_mul_n((mp_limb_t *)r, (const mp_limb_t *)a, (const mp_limb_t *)b, (mp_size_t)n);
}
static inline void zk_mpn_tdiv_qr(uint64_t *q, uint64_t *r, const uint64_t *n, long nn, const uint64_t *d, long dn) {
    mpn_tdiv_qr((mp_limb_t *)q, (mp_limb_t *)r, 0, (const mp_limb_t *)n, nn, (const mp_limb_t *)d, dn);
}

/// r = a⁻¹ mod m for 4-limb a and m (64-bit limbs, least significant first); 0 when a has no
/// inverse. The inputs are wrapped read-only (mpz_roinit_n: no copy, no allocation); only the
/// result mpz allocates.
static inline int zk_invert_limbs4(uint64_t *r, const uint64_t *a, const uint64_t *m) {
    mp_size_t an = 4, mn = 4;
    while (an > 0 && a[an - 1] == 0) an--;
    while (mn > 0 && m[mn - 1] == 0) mn--;
    for (int i = 0; i < 4; i++) r[i] = 0;
    if (an == 0 || mn == 0) return 0;
    mpz_t x, mod, inv;
    mpz_roinit_n(x, (const mp_limb_t *)a, an);
    mpz_roinit_n(mod, (const mp_limb_t *)m, mn);
    mpz_init(inv);
    int ok = mpz_invert(inv, x, mod);
    if (ok) {
        size_t n = mpz_size(inv);
        for (size_t i = 0; i < n && i < 4; i++) r[i] = (uint64_t)mpz_getlimbn(inv, (mp_size_t)i);
    }
    mpz_clear(inv);
    return ok;
}

#endif
