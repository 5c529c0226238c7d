/// Why a cell's request for input got no answer.
public enum InputError: Error, Sendable, Equatable {
    /// The execute request said `allow_stdin: false` (nbconvert and papermill do).
    case notAllowed
    /// The user interrupted the cell while it waited.
    case interrupted
    /// The kernel is shutting down.
    case shuttingDown
    /// The stdin socket failed.
    case channelFailed(String)
}

/// The stdin channel: `input_request` out to the front end that sent the running cell,
/// `input_reply` back. Owned by the shell thread (or the thread it lends a cell to while it waits).
/// Between requests for input nothing should arrive here; whatever does is read and dropped at
/// once, so junk frames never pile up in the socket's queue.
final class StdinChannel: @unchecked Sendable {
    let channel: ReplyChannel
    private let transport: any KernelTransport
    private let log: KernelLog
    /// Messages dropped so far; the log names the first few and then every thousandth.
    private var dropped = 0

    init(channel: ReplyChannel, transport: any KernelTransport, log: KernelLog) {
        self.channel = channel
        self.transport = transport
        self.log = log
    }
    /// How often a wait for the reply looks at the interrupt flag, in milliseconds.
    static let pollInterval = 100

    /// Sends `input_request` for `execute` and waits for the reply's `value`.
    func requestInput(
        prompt: String, password: Bool, for execute: Message, factory: MessageFactory,
        isInterrupted: () -> Bool, isShuttingDown: () -> Bool
    ) throws(InputError) -> String {
        discardUnsolicited()
        let request = factory.make(
            "input_request", content: ["prompt": .string(prompt), "password": .bool(password)],
            parent: execute, identities: execute.identities)
        do {
            try channel.socket.send(channel.codec.encode(request))
        } catch {
            throw .channelFailed("\(error)")
        }
        while true {
            if isShuttingDown() { throw .shuttingDown }
            if isInterrupted() { throw .interrupted }
            let ready: [Int]
            do {
                ready = try transport.pollReadable([channel.socket], timeout: Self.pollInterval)
            } catch {
                throw .channelFailed("\(error)")
            }
            guard !ready.isEmpty else { continue }
            while let message = channel.receive(blocking: false) {
                if message.type == "input_reply" { return message.content["value"].stringValue ?? "" }
                log("ignored \(message.type) on stdin while waiting for input_reply")
            }
        }
    }

    /// Reads and drops everything queued on stdin, with a line on stderr for each message.
    func discardUnsolicited() {
        while let frames = try? channel.socket.receive(blocking: false) {
            let type = (try? channel.codec.decode(frames))?.type ?? "a message that does not decode"
            dropped += 1
            if dropped <= 5 || dropped % 1000 == 0 {
                log("dropped \(type) on stdin: no input was requested (\(dropped) so far)")
            }
        }
    }
}
