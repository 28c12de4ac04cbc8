import Testing

@testable import UngeCore

/// The NIST test vectors for SHA-256 (FIPS 180-4 examples and the short/long message tests).
@Suite("SHA-256")
struct SHA256Tests {
    @Test("tom besked giver NIST's værdi")
    func empty() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("\"abc\" giver NIST's værdi")
    func abc() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("to-blok-beskeden på 448 bit giver NIST's værdi")
    func twoBlocks() {
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("beskeden på 896 bit giver NIST's værdi")
    func longer() {
        let m =
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(SHA256.hex(m) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test("en million gange 'a' giver NIST's værdi")
    func million() {
        #expect(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("beskeder på 55, 56, 63 og 64 byte (grænserne for udfyldning) giver de kendte værdier")
    func paddingBoundaries() {
        // Byte-oriented NIST SHAVS vectors (SHA256ShortMsg) and lengths around the padding edge.
        #expect(SHA256.hex([0xd3]) == "28969cdfa74a12c82f3bad960b0b000aca2ac329deea5c2328ebc6f2ba9802c1")
        #expect(SHA256.hex([0x11, 0xaf]) == "5ca7133fa735326081558ac312c620eeca9970d1e70a4b95533d956f072d1f98")
        #expect(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 55))
                == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 56))
                == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 64))
                == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }
}
