#!/usr/bin/env python3
"""BLAKE2b-512 answers for Tests/Groth16Tests/Blake2bTests.swift, from Python's hashlib (an
independent implementation). Message i is bytes((7*k + i) % 256 for k in range(n)).
Run: python3 Vectors/blake2b/make_vectors.py > Vectors/blake2b/blake2b512.json"""
import hashlib, json

cases = []
for n in [0, 1, 3, 63, 64, 127, 128, 129, 255, 256, 257, 1000, 4096]:
    msg = bytes((7 * k + n) % 256 for k in range(n))
    cases.append({"length": n, "digest": hashlib.blake2b(msg).hexdigest()})
cases.append({"text": "abc", "digest": hashlib.blake2b(b"abc").hexdigest()})
print(json.dumps({"generator": "python hashlib.blake2b (digest_size 64)", "cases": cases}, indent=1))
