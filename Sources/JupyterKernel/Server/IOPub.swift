import Dispatch

/// Owns the IOPub socket on a thread of its own. IOPub is an XPUB socket, so the relay also sees
/// each new subscription and greets it with `iopub_welcome` (JEP 65): a client knows it is
/// subscribed once the welcome arrives. Other threads publish through their own `IOPubSender`,
/// whose messages arrive here over an in-process pipe, in order for each thread.
///
/// Stream text is coalesced here, as ipykernel's `OutStream` does: consecutive writes to one
/// stream for one request become one `stream` message, sent when `flushInterval` has passed
/// since the first of them, when `flushSize` is reached, or before any other message. A loop of
/// 20,000 prints is then a few messages, not 20,000 (which front ends throttle and drop), and
/// because every message goes through this one thread, order is kept.
final class IOPubRelay: @unchecked Sendable {
    /// A one-frame empty message on the pipe asks the relay to flush and stop.
    static let stopSignal = [Data()]
    /// The first of four frames (marker, stream name, parent header, text) carrying stream text.
    static let streamMarker = Data("iopub-stream".utf8)
    /// Buffered stream text waits at most this long.
    static let flushInterval: UInt64 = 50_000_000
    /// A buffer this large (in bytes of UTF-8) is sent at once.
    static let flushSize = 64 * 1024

    private let publisher: any FrameSocket
    private let pipe: any FrameSocket
    private let transport: any KernelTransport
    private let codec: WireCodec
    private let factory: MessageFactory
    private let log: KernelLog
    private let finished = DispatchSemaphore(value: 0)
    /// Signalled each time the relay has sent everything before a flush request (`flushMarker`).
    let flushed = DispatchSemaphore(value: 0)
    /// A one-frame message asking the relay to send its buffered text now and signal `flushed`.
    static let flushMarker = [Data("iopub-flush".utf8)]

    /// Binds IOPub and the pipe at `pipeEndpoint` that every `IOPubSender` writes to.
    init(
        transport: any KernelTransport, pipeEndpoint: String, codec: WireCodec, factory: MessageFactory,
        log: KernelLog
    ) throws {
        publisher = try transport.bind(.iopub)
        pipe = try transport.pipeReceiver(at: pipeEndpoint)
        self.transport = transport
        self.codec = codec
        self.factory = factory
        self.log = log
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

    /// Stream text not yet sent: one stream of one request.
    private struct PendingStream {
        var name: Data
        var parentHeader: Data
        var text: Data
        /// When it must be sent, in `monotonicNanoseconds`.
        var deadline: UInt64
    }

    /// At most one buffer per stream (stdout, stderr), oldest first, as ipykernel keeps one per
    /// stream: interleaved prints and warnings are still two messages per interval, not one per write.
    private var pending: [PendingStream] = []

    private func run() {
        defer {
            pipe.close()
            publisher.close()
        }
        do {
            while true {
                let timeout = pending.first.map { pending in
                    Int((pending.deadline &- min(pending.deadline, monotonicNanoseconds())) / 1_000_000) + 1
                } ?? -1
                let ready = try transport.pollReadable([pipe, publisher], timeout: timeout)
                if ready.contains(1), let frames = try publisher.receive(blocking: false) {
                    greet(subscription: frames.first ?? Data())
                }
                if ready.contains(0) {
                    while let frames = try pipe.receive(blocking: false) {
                        if frames == Self.stopSignal {
                            try flush()
                            return
                        }
                        if frames.count == 4, frames[0] == Self.streamMarker {
                            try buffer(name: frames[1], parentHeader: frames[2], text: frames[3])
                        } else if frames == Self.flushMarker {
                            try flush()
                            flushed.signal()
                        } else {
                            try flush()
                            try publisher.send(frames)
                        }
                    }
                }
                if let first = pending.first, monotonicNanoseconds() >= first.deadline { try flush() }
            }
        } catch where error.isTransportTermination {
            return
        } catch {
            log("iopub relay stopped: \(error)")
        }
    }

    private func buffer(name: Data, parentHeader: Data, text: Data) throws {
        if let first = pending.first, first.parentHeader != parentHeader { try flush() }
        if let index = pending.firstIndex(where: { $0.name == name }) {
            pending[index].text.append(text)
            if pending[index].text.count >= Self.flushSize { try flush() }
        } else {
            pending.append(PendingStream(
                name: name, parentHeader: parentHeader, text: text, deadline: monotonicNanoseconds() + Self.flushInterval))
            if text.count >= Self.flushSize { try flush() }
        }
    }

    /// Sends the buffered stream text, if any, one `stream` message per stream, oldest first.
    private func flush() throws {
        let streams = pending
        pending = []
        for stream in streams {
            let parent = (try? JSON.parse(stream.parentHeader)).map { Message(header: $0, content: [:]) }
            let content: JSON = [
                "name": .string(String(decoding: stream.name, as: UTF8.self)),
                "text": .string(String(decoding: stream.text, as: UTF8.self)),
            ]
            try publisher.send(codec.encode(factory.make("stream", content: content, parent: parent)))
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
    private let pipe: any FrameSocket
    private let codec: WireCodec
    private let factory: MessageFactory
    private let log: KernelLog

    /// A publisher writing to `pipe`, a sender to the relay's pipe.
    init(pipe: any FrameSocket, codec: WireCodec, factory: MessageFactory, log: KernelLog) {
        self.pipe = pipe
        self.codec = codec
        self.factory = factory
        self.log = log
    }

    /// Publishes a message of `type` caused by `parent`, with the message's `metadata` and binary `buffers`.
    public func publish(_ type: String, _ content: JSON, parent: Message?, metadata: JSON = [:], buffers: [Data] = []) {
        var message = factory.make(type, content: content, parent: parent, metadata: metadata)
        message.buffers = buffers
        do {
            try pipe.send(codec.encode(message))
        } catch where error.isTransportTermination {
            return  // the kernel is shutting down: no one is left to tell
        } catch {
            log("could not publish \(type): \(error)")
        }
    }

    /// Publishes text written to `stream`; the relay joins it with the writes around it.
    /// `parentHeader` is the serialized header of the request that caused it.
    public func publishStream(_ stream: String, _ text: String, parentHeader: Data) {
        do {
            try pipe.send([IOPubRelay.streamMarker, Data(stream.utf8), parentHeader, Data(text.utf8)])
        } catch where error.isTransportTermination {
            return
        } catch {
            log("could not publish to \(stream): \(error)")
        }
    }

    func publishStatus(_ state: String, parent: Message?) {
        publish("status", ["execution_state": .string(state)], parent: parent)
    }

    /// Returns once the relay has sent everything published before, buffered text included
    /// (or after `timeout` seconds), as ipykernel flushes its streams before asking for input.
    func flush(through relay: IOPubRelay, timeout: Double = 2) {
        do { try pipe.send(IOPubRelay.flushMarker) } catch { return }
        _ = relay.flushed.wait(timeout: .now() + timeout)
    }

    func sendStopSignal() {
        try? pipe.send(IOPubRelay.stopSignal)
    }

    func close() {
        pipe.close()
    }
}


/// Nanoseconds of a clock that never jumps.
func monotonicNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}
