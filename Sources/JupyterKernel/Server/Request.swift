import Synchronization

/// A request being served: the message, where to reply, and where to publish.
struct Request {
    let message: Message
    let channel: ReplyChannel
    let iopub: IOPubSender
    let status = RequestStatus()

    var content: JSON { message.content }

    /// Publishes the request's `idle`, once: when its handler returns (`KernelServer.dispatch`),
    /// or earlier if a comm handler finishes early (`CommMessage.finishEarly`).
    func publishIdle() {
        guard !status.isIdle else { return }
        status.isIdle = true
        iopub.publishStatus("idle", parent: message)
    }

    func reply(_ content: JSON) {
        channel.reply(to: message, content: content)
    }

    func publish(_ type: String, _ content: JSON) {
        iopub.publish(type, content, parent: message)
    }
}

typealias Handler = (KernelServer, Request) -> Void

/// Whether a request's `idle` is published; used on the thread that serves the request only.
final class RequestStatus {
    var isIdle = false
}

/// A request channel (shell, control or stdin): receives requests and sends replies, signed.
struct ReplyChannel {
    let name: String
    let socket: any FrameSocket
    let codec: WireCodec
    let factory: MessageFactory
    let log: KernelLog

    /// The next valid message, or nil if what arrived was dropped (with a log line saying why).
    func receive(blocking: Bool = true) -> Message? {
        let frames: [Data]
        do {
            guard let received = try socket.receive(blocking: blocking) else { return nil }
            frames = received
        } catch {
            log("receive failed on \(name): \(error)")
            return nil
        }
        do {
            return try codec.decode(frames)
        } catch {
            log("dropped a message on \(name): \(error)")
            return nil
        }
    }

    func reply(to request: Message, content: JSON) {
        let type = request.type.hasSuffix("_request")
            ? String(request.type.dropLast("_request".count)) + "_reply" : request.type + "_reply"
        let reply = factory.make(type, content: content, parent: request, identities: request.identities)
        do {
            try socket.send(codec.encode(reply))
        } catch {
            log("could not send \(type) on \(name): \(error)")
        }
    }
}

/// Set by an interrupt (message or SIGINT); a running cell polls it.
public final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    public func raise() { raised.store(true, ordering: .releasing) }
    public func reset() { raised.store(false, ordering: .releasing) }
    public var isRaised: Bool { raised.load(ordering: .acquiring) }
}
