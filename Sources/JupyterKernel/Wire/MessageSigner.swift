@preconcurrency import Crypto
import Synchronization

/// Signs and verifies messages with HMAC-SHA256 over header, parent header, metadata and content.
/// An empty key means messages are unsigned, as Jupyter defines it.
public struct MessageSigner: Sendable {
    private let key: SymmetricKey?

    public init(key: String) {
        self.key = key.isEmpty ? nil : SymmetricKey(data: Data(key.utf8))
    }

    public var isSigning: Bool { key != nil }

    /// The lowercase hex signature of the four signed frames (empty when unsigned).
    public func signature(for parts: [Data]) -> String {
        guard let key else { return "" }
        var hmac = HMAC<SHA256>(key: key)
        for part in parts { hmac.update(data: part) }
        return hmac.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Checks `signature` against the four signed frames in constant time.
    public func isValid(signature: Data, for parts: [Data]) -> Bool {
        guard let key else { return true }
        guard let mac = Self.bytes(fromHex: signature) else { return false }
        var combined = Data()
        for part in parts { combined.append(part) }
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: combined, using: key)
    }

    private static func bytes(fromHex hex: Data) -> Data? {
        guard hex.count == 64 else { return nil }
        var bytes = Data(capacity: 32)
        var iterator = hex.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let h = nibble(high), let l = nibble(low) else { return nil }
            bytes.append(h << 4 | l)
        }
        return bytes
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Remembers the signatures already seen, so a replayed message is refused on any channel.
/// Bounded like jupyter_client's digest history: the oldest are forgotten first.
/// Shared by the shell and control threads, so it locks.
public final class ReplayGuard: Sendable {
    /// The first 128 bits of a signature: plenty to tell HMACs apart, and a fixed 16 bytes with no
    /// heap allocation per entry, so a long session's memory stays flat.
    struct Key: Hashable {
        var high: UInt64
        var low: UInt64

        init(_ signature: Data) {
            var words: [UInt64] = [0, 0]
            for (index, byte) in signature.prefix(32).enumerated() {
                words[index / 16] = words[index / 16] << 4 | UInt64(Self.nibble(byte))
            }
            // Signatures shorter than 32 characters (never valid HMACs) still get distinct keys.
            words[1] ^= UInt64(signature.count) << 56
            high = words[0]
            low = words[1]
        }

        private static func nibble(_ byte: UInt8) -> UInt8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            default: byte & 0xF
            }
        }
    }

    /// Two generations: when the newer fills up it becomes the older, and the older is dropped.
    /// This remembers at least the last `capacity / 2` signatures and at most `capacity`, with no
    /// bookkeeping beyond the sets themselves.
    private struct Generations {
        var newer: Set<Key> = []
        var older: Set<Key> = []
    }

    private let generations = Mutex(Generations())
    /// At most this many signatures are remembered (jupyter_client keeps 2^16 too).
    public let capacity: Int

    public init(capacity: Int = 1 << 16) {
        self.capacity = max(2, capacity)
    }

    /// Records `signature`; returns false if it was seen before.
    public func admit(_ signature: Data) -> Bool {
        let key = Key(signature)
        return generations.withLock { sets in
            guard !sets.older.contains(key), sets.newer.insert(key).inserted else { return false }
            if sets.newer.count >= capacity / 2 {
                sets.older = sets.newer
                sets.newer = []
            }
            return true
        }
    }
}
