
/// The protocol version this kernel speaks.
public let jupyterProtocolVersion = "5.3"

/// A Jupyter message: who it is for, its header, its parent's header, metadata, content and buffers.
public struct Message: Sendable {
    /// The ZeroMQ routing identities that precede the `<IDS|MSG>` delimiter.
    public var identities: [Data]
    public var header: JSON
    public var parentHeader: JSON
    public var metadata: JSON
    public var content: JSON
    public var buffers: [Data]

    public init(
        identities: [Data] = [], header: JSON, parentHeader: JSON = [:],
        metadata: JSON = [:], content: JSON, buffers: [Data] = []
    ) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
        self.buffers = buffers
    }

    /// The header's `msg_type`, such as `execute_request`.
    public var type: String { header["msg_type"].stringValue ?? "" }
    /// The header's `msg_id`.
    public var id: String { header["msg_id"].stringValue ?? "" }
}

/// Makes the headers of the messages one kernel session sends.
public struct MessageFactory: Sendable {
    /// The kernel's session id, the same in every header it sends.
    public let session: String
    /// The `username` of every header, the kernel's identity (`KernelIdentity.username`).
    public let username: String

    public init(session: String = UUID().uuidString.lowercased(), username: String) {
        self.session = session
        self.username = username
    }

    /// A new message of `type`, in reply to (or caused by) `parent`.
    public func make(
        _ type: String, content: JSON, parent: Message?, identities: [Data] = [], metadata: JSON = [:]
    ) -> Message {
        let header: JSON = [
            "msg_id": .string(UUID().uuidString.lowercased()),
            "msg_type": .string(type),
            "session": .string(session),
            "username": .string(username),
            "date": .string(Self.timestamp()),
            "version": .string(jupyterProtocolVersion),
        ]
        return Message(
            identities: identities, header: header, parentHeader: parent?.header ?? [:],
            metadata: metadata, content: content
        )
    }

    /// ISO 8601 with microseconds in UTC, as Jupyter's own clients write it.
    static func timestamp(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        let micros = Int((date.timeIntervalSince1970 - Double(seconds)) * 1_000_000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))."
            + "\(pad(Int32(min(micros, 999_999)), 6))Z"
    }
}
