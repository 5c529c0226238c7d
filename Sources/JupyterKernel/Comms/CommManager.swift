/// The kernel's comms: the targets a language handles, by name, and the comms open now, after
/// xeus's `xcomm_manager` and ipykernel's `CommManager`. It knows no language: an interpreter gets
/// it once through `Interpreter.attach(comms:)`, registers its targets, and opens comms of its own.
///
/// Every comm message is handled on the shell thread, which also runs cells, so a language never
/// sees two callbacks at once. Between requests they are handled in the order they arrived, each
/// between `busy` and `idle` like any request; while a cell runs, only when the language calls
/// `deliverPending()` (see there). A `comm_open` for a target nobody registered is answered with
/// `comm_close`, and a `comm_msg` or `comm_close` for a comm that is not open is logged and ignored.
public final class CommManager {
    /// Receives a comm the front end opened for a target, with its `comm_open` message; it sets the
    /// comm's `onMessage`/`onClose`, or closes it.
    public typealias Opener = (Comm, CommMessage) -> Void

    let log: KernelLog
    private var targets: [String: Opener] = [:]
    /// The open comms, in the order they were opened.
    private var comms: [Comm] = []

    // Shell-thread state, set by the server as it starts and as it serves.
    /// The thread allowed to use comms: the shell thread, which calls the interpreter.
    var owner: pthread_t?
    /// The shell thread's IOPub sender.
    var iopub: IOPubSender?
    /// The requests being served, innermost last: a comm message handled while a cell runs is
    /// served inside that cell's `execute_request`. What the kernel sends has the last as parent.
    var serving: [Message] = []
    /// Handles the comm messages waiting on the shell channel (`KernelServer.deliverPendingComms`).
    var deliverWaiting: (() -> Void)?

    init(log: KernelLog) {
        self.log = log
    }

    /// Makes `opener` receive the comms the front end opens for `target`, replacing any before.
    public func register(target: String, opener: @escaping Opener) {
        targets[target] = opener
    }

    /// Stops accepting comms for `target`; comms already open stay open.
    public func unregister(target: String) {
        targets[target] = nil
    }

    /// The names of the registered targets, sorted.
    public var targetNames: [String] { targets.keys.sorted() }

    /// The open comms, in the order they were opened.
    public var openComms: [Comm] { comms }

    /// The open comm with `id`, if any.
    public func comm(id: String) -> Comm? {
        comms.first { $0.id == id }
    }

    /// Opens a comm from the kernel: publishes `comm_open` for `target` on IOPub, with the request
    /// being served (the running cell's `execute_request`, or the comm message being handled) as its
    /// parent. The front end answers nothing; if it has no such target it sends `comm_close`, which
    /// calls the comm's `onClose`. Off the shell thread the comm comes back already closed.
    public func open(
        target: String, data: JSON = [:], metadata: JSON = [:], buffers: [Data] = [], id: String? = nil
    ) -> Comm {
        let comm = Comm(id: id ?? Self.newID(), targetName: target, manager: self)
        guard isOnShellThread("open a comm for '\(target)'") else {
            comm.isOpen = false
            return comm
        }
        comms.append(comm)
        publish("comm_open", ["comm_id": .string(comm.id), "target_name": .string(target), "data": data],
                metadata: metadata, buffers: buffers)
        return comm
    }

    /// Handles, now, the comm messages that arrived on the shell channel while a cell (or a comm
    /// handler) runs, in the order they arrived, each between its `busy` and `idle`. A language calls
    /// this where its state can take a callback, such as between statements of a long loop; the
    /// kernel never calls it by itself, so a language that never does sees comm messages only
    /// between requests. It stops at the first waiting request that is not a comm message: that
    /// request and everything after it wait until the running one ends, so no comm message is ever
    /// handled before a request that arrived earlier. Called inside a comm callback, it may call the
    /// same comm's callbacks again, nested. Does nothing off the shell thread.
    public func deliverPending() {
        guard isOnShellThread("deliver comm messages") else { return }
        deliverWaiting?()
    }

    // MARK: - For the server

    static let messageTypes: Set<String> = ["comm_open", "comm_msg", "comm_close"]

    static func newID() -> String {
        UUID().uuidString.lowercased().filter { $0 != "-" }
    }

    func opener(for target: String) -> Opener? { targets[target] }

    func add(_ comm: Comm) { comms.append(comm) }


    /// Removes `comm` from the open comms and marks it closed; false if it was not open.
    @discardableResult
    func forget(_ comm: Comm) -> Bool {
        guard let index = comms.firstIndex(where: { $0 === comm }) else { return false }
        comms.remove(at: index)
        comm.isOpen = false
        return true
    }

    /// `comm_info_reply`'s `comms`: each open comm's target, only `target`'s when one is given.
    func info(target: String?) -> JSON {
        var answer: [String: JSON] = [:]
        for comm in comms where target == nil || comm.targetName == target {
            answer[comm.id] = ["target_name": .string(comm.targetName)]
        }
        return .object(answer)
    }

    func publish(_ type: String, _ content: JSON, metadata: JSON, buffers: [Data]) {
        guard isOnShellThread("send \(type)"), let iopub else { return }
        iopub.publish(type, content, parent: serving.last, metadata: metadata, buffers: buffers)
    }

    func isOnShellThread(_ action: String) -> Bool {
        guard let owner, pthread_equal(owner, pthread_self()) != 0 else {
            log("could not \(action): comms are used only on the thread that runs the interpreter")
            return false
        }
        return true
    }
}
