@preconcurrency import Crypto
import Foundation
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
    private struct History {
        var seen: Set<Data> = []
        var order: [Data] = []
        var oldest = 0
    }

    private let history = Mutex(History())
    public let capacity: Int

    public init(capacity: Int = 1 << 16) {
        self.capacity = capacity
    }

    /// Records `signature`; returns false if it was seen before.
    public func admit(_ signature: Data) -> Bool {
        history.withLock { history in
            guard !history.seen.contains(signature) else { return false }
            history.seen.insert(signature)
            if history.order.count < capacity {
                history.order.append(signature)
            } else {
                history.seen.remove(history.order[history.oldest])
                history.order[history.oldest] = signature
                history.oldest = (history.oldest + 1) % capacity
            }
            return true
        }
    }
}
