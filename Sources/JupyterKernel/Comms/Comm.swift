/// A message of a comm as the front end sent it (`comm_open`, `comm_msg` or `comm_close`).
public struct CommMessage {
    /// The content's `data`, `{}` when the front end sent none.
    public var data: JSON
    /// The message's metadata (ipywidgets puts its protocol `version` here).
    public var metadata: JSON
    /// Binary buffers sent after the message's JSON parts.
    public var buffers: [Data]
    /// Publishes outputs whose parent is this message: what a handler displays or prints appears
    /// where the front end expects outputs of this message (an ipywidgets `Output` captures by it).
    /// It cannot read input: `readInput` fails with `InputError.notAllowed`.
    public let publisher: any OutputPublisher
    /// True once the user interrupts; a long handler (a redraw) should check it and stop.
    public let isInterrupted: @Sendable () -> Bool
    let finish: () -> Void

    /// Tells the front end now that this message is handled (publishes its `idle`), while the
    /// handler goes on. ipywidgets holds a model's next update until the last one's idle: a long
    /// handler that finishes early gets the next update while it runs, and can read it with
    /// `CommManager.deliverPending()`. What the handler sends afterwards still has this message
    /// as its parent. Calling it twice does nothing.
    public func finishEarly() {
        finish()
    }
}

/// One end of a comm, a channel between the kernel and a front end for a target
/// (the messaging spec's "custom messages"). Comms come from `CommManager`: one opened by the
/// front end is handed to its target's opener; `CommManager.open` opens one from the kernel.
///
/// Use a comm only on the thread that calls the interpreter (inside `execute` or a comm callback):
/// what it sends goes out on that thread's IOPub, with the request being served as its parent.
/// Anywhere else the call is logged and ignored.
public final class Comm {
    /// The comm's id, as both ends name it.
    public let id: String
    /// The target the comm was opened for, such as `jupyter.widget`.
    public let targetName: String
    /// False once either end has closed it; a closed comm sends nothing.
    public internal(set) var isOpen = true
    /// Called with each `comm_msg` from the front end, in the order they arrived.
    public var onMessage: ((CommMessage) -> Void)?
    /// Called once, when the front end closes the comm (not when the kernel closes it).
    public var onClose: ((CommMessage) -> Void)?

    private unowned let manager: CommManager

    init(id: String, targetName: String, manager: CommManager) {
        self.id = id
        self.targetName = targetName
        self.manager = manager
    }

    /// Sends `comm_msg` with `data` to the front end.
    public func send(data: JSON = [:], metadata: JSON = [:], buffers: [Data] = []) {
        guard isOpen else {
            manager.log("did not send on comm '\(id)': it is closed")
            return
        }
        manager.publish("comm_msg", ["comm_id": .string(id), "data": data], metadata: metadata, buffers: buffers)
    }

    /// Sends `comm_close` and forgets the comm; `onClose` is not called. Closing twice does nothing.
    public func close(data: JSON = [:], metadata: JSON = [:], buffers: [Data] = []) {
        guard isOpen, manager.isOnShellThread("close comm '\(id)'") else { return }
        manager.forget(self)
        manager.publish("comm_close", ["comm_id": .string(id), "data": data], metadata: metadata, buffers: buffers)
    }
}
