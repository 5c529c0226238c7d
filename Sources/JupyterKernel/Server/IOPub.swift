import CZeroMQ
import Dispatch

/// Owns the IOPub socket on a thread of its own. IOPub is an XPUB socket, so the relay also sees
/// each new subscription and greets it with `iopub_welcome` (JEP 65): a client knows it is
/// subscribed once the welcome arrives. Other threads publish through their own `IOPubSender`,
/// whose messages arrive here over an in-process pipe, in order for each thread.
final class IOPubRelay: @unchecked Sendable {
    static let pipeEndpoint = "inproc://regula-iopub"
    /// A one-frame empty message on the pipe asks the relay to flush and stop.
    static let stopSignal = [Data()]

    private let publisher: ZeroMQSocket
    private let pipe: ZeroMQSocket
    private let codec: WireCodec
    private let factory: MessageFactory
    private let finished = DispatchSemaphore(value: 0)

    init(context: ZeroMQContext, endpoint: String, codec: WireCodec, factory: MessageFactory) throws {
        publisher = try ZeroMQSocket(context: context, kind: .extendedPublisher)
        try publisher.setOption(ZMQ_LINGER, 1000)
        // Verbose: report every subscription, not just the first for a topic, so every client is greeted.
        try publisher.setOption(ZMQ_XPUB_VERBOSE, 1)
        do { try publisher.bind(endpoint) } catch let error as ZeroMQError {
            throw KernelError.bind(channel: "iopub", endpoint: endpoint, underlying: error)
        }
        pipe = try ZeroMQSocket(context: context, kind: .pull)
        try pipe.bind(Self.pipeEndpoint)
        self.codec = codec
        self.factory = factory
    }

    func start() {
        startThread("iopub") { [self] in
            run()
            finished.signal()
        }
    }

    /// Waits until the relay has sent everything it was given before the stop signal.
    func waitUntilFinished() {
        finished.wait()
    }

    private func run() {
        defer {
            pipe.close()
            publisher.close()
        }
        do {
            while true {
                let ready = try pollReadable([pipe, publisher], timeout: -1)
                if ready.contains(1), let frames = try publisher.receive(blocking: false) {
                    greet(subscription: frames.first ?? Data())
                }
                if ready.contains(0) {
                    while let frames = try pipe.receive(blocking: false) {
                        if frames == Self.stopSignal { return }
                        try publisher.send(frames)
                    }
                }
            }
        } catch let error as ZeroMQError where error.isTerminating {
            return
        } catch {
            logKernelEvent("iopub relay stopped: \(error)")
        }
    }

    /// An XPUB subscription frame is 0x01 followed by the topic (0x00 for an unsubscription).
    private func greet(subscription frame: Data) {
        guard frame.first == 1 else { return }
        let topic = String(decoding: frame.dropFirst(), as: UTF8.self)
        let welcome = factory.make("iopub_welcome", content: ["subscription": .string(topic)], parent: nil)
        try? publisher.send(codec.encode(welcome))
    }
}

/// One thread's way to publish on IOPub. Not shared between threads.
public final class IOPubSender: @unchecked Sendable {
    private let pipe: ZeroMQSocket
    private let codec: WireCodec
    private let factory: MessageFactory

    init(context: ZeroMQContext, codec: WireCodec, factory: MessageFactory) throws {
        pipe = try ZeroMQSocket(context: context, kind: .push)
        try pipe.setOption(ZMQ_LINGER, 1000)
        try pipe.connect(IOPubRelay.pipeEndpoint)
        self.codec = codec
        self.factory = factory
    }

    /// Publishes a message of `type` caused by `parent`.
    public func publish(_ type: String, _ content: JSON, parent: Message?) {
        let message = factory.make(type, content: content, parent: parent)
        do {
            try pipe.send(codec.encode(message))
        } catch {
            logKernelEvent("could not publish \(type): \(error)")
        }
    }

    func publishStatus(_ state: String, parent: Message?) {
        publish("status", ["execution_state": .string(state)], parent: parent)
    }

    func sendStopSignal() {
        try? pipe.send(IOPubRelay.stopSignal)
    }

    func close() {
        pipe.close()
    }
}

