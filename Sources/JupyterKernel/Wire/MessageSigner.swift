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
        verifiedCode(signature: signature, for: parts) != nil
    }

    /// The decoded MAC of a valid `signature` (empty when unsigned), or nil when it does not verify.
    /// Only lower-case hex is accepted, as jupyter_client writes it and compares it as a string:
    /// one MAC then has exactly one spelling, so a replay guard keyed on it cannot be sidestepped.
    public func verifiedCode(signature: Data, for parts: [Data]) -> Data? {
        guard let key else { return Data() }
        guard let mac = Self.bytes(fromHex: signature) else { return nil }
        var combined = Data()
        for part in parts { combined.append(part) }
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: combined, using: key) ? mac : nil
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
        default: nil
        }
    }
}

/// Remembers the signatures already seen, so a replayed message is refused on any channel.
/// Bounded like jupyter_client's digest history: the oldest are forgotten first.
/// Shared by the shell and control threads, so it locks.
public final class ReplayGuard: Sendable {
    /// The first 128 bits of a verified MAC's bytes. The key comes from the decoded MAC, not its
    /// spelling, and only lower-case hex verifies, so no re-encoding of a captured signature can
    /// pass for a new one; 128 bits tell HMACs apart as well as 256, in 16 bytes with no heap
    /// allocation per entry, so a long session's memory stays flat.
    struct Key: Hashable {
        var high: UInt64
        var low: UInt64

        init(_ code: Data) {
            var words: [UInt64] = [0, 0]
            for (index, byte) in code.prefix(16).enumerated() {
                words[index / 8] = words[index / 8] << 8 | UInt64(byte)
            }
            high = words[0]
            low = words[1]
        }
    }

    /// Two generations: when the newer holds `capacity` keys it becomes the older, and the older
    /// is dropped. This remembers at least the last `capacity` MACs and at most twice that, with
    /// no bookkeeping beyond the sets themselves.
    private struct Generations {
        var newer: Set<Key> = []
        var older: Set<Key> = []
    }

    private let generations = Mutex(Generations())
    /// At least this many of the latest MACs are remembered (jupyter_client keeps 2^16).
    public let capacity: Int

    public init(capacity: Int = 1 << 16) {
        self.capacity = max(1, capacity)
    }

    /// Records a verified MAC; returns false if it was seen before.
    public func admit(_ code: Data) -> Bool {
        let key = Key(code)
        return generations.withLock { sets in
            guard !sets.older.contains(key), sets.newer.insert(key).inserted else { return false }
            if sets.newer.count >= capacity {
                sets.older = sets.newer
                sets.newer = []
            }
            return true
        }
    }
}
