
/// Why an incoming message was dropped. Each case carries what was wrong, for the one-line log.
public enum WireError: Error, Equatable, CustomStringConvertible {
    case missingDelimiter
    case tooFewFrames(count: Int)
    case badSignature
    case replayedSignature
    case malformedJSON(frame: String)
    case notAnObject(frame: String)
    case missingHeaderField(String)

    public var description: String {
        switch self {
        case .missingDelimiter: "no <IDS|MSG> delimiter"
        case let .tooFewFrames(count): "\(count) frames after the delimiter; expected at least 5"
        case .badSignature: "bad or missing signature"
        case .replayedSignature: "replayed signature (message already seen)"
        case let .malformedJSON(frame): "the \(frame) frame is not valid JSON"
        case let .notAnObject(frame): "the \(frame) frame is not a JSON object"
        case let .missingHeaderField(field): "the header has no string '\(field)'"
        }
    }
}

/// Turns ZeroMQ frames into messages and back, signing and verifying as it goes.
public struct WireCodec: Sendable {
    static let delimiter = Data("<IDS|MSG>".utf8)
    public let signer: MessageSigner
    private let replayGuard: ReplayGuard

    /// A codec for `key`; codecs that share a `replayGuard` refuse each other's replays too.
    public init(key: String, replayGuard: ReplayGuard = ReplayGuard()) {
        signer = MessageSigner(key: key)
        self.replayGuard = replayGuard
    }

    /// The frames to send for `message`, signed.
    public func encode(_ message: Message) -> [Data] {
        let parts = [message.header, message.parentHeader, message.metadata, message.content].map { $0.serialized() }
        let signature = Data(signer.signature(for: parts).utf8)
        return message.identities + [Self.delimiter, signature] + parts + message.buffers
    }

    /// The message in `frames`, after checking its signature and that it was not seen before.
    public func decode(_ frames: [Data]) throws(WireError) -> Message {
        guard let split = frames.firstIndex(of: Self.delimiter) else { throw .missingDelimiter }
        let rest = frames[(split + 1)...]
        guard rest.count >= 5 else { throw .tooFewFrames(count: rest.count) }
        let signature = rest[rest.startIndex]
        let signed = Array(rest[(rest.startIndex + 1)..<(rest.startIndex + 5)])
        guard let code = signer.verifiedCode(signature: signature, for: signed) else { throw .badSignature }
        if signer.isSigning, !replayGuard.admit(code) { throw .replayedSignature }

        let names = ["header", "parent_header", "metadata", "content"]
        var values: [JSON] = []
        for (name, frame) in zip(names, signed) {
            guard let value = try? JSON.parse(frame) else { throw .malformedJSON(frame: name) }
            guard case .object = value else { throw .notAnObject(frame: name) }
            values.append(value)
        }
        for field in ["msg_id", "msg_type"] where values[0][field].stringValue == nil {
            throw .missingHeaderField(field)
        }
        return Message(
            identities: Array(frames[..<split]), header: values[0], parentHeader: values[1],
            metadata: values[2], content: values[3], buffers: Array(rest.dropFirst(5))
        )
    }
}
