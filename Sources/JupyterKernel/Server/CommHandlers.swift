// The shell handlers for comm messages. The bookkeeping is `CommManager`'s; the language's
// callbacks run here, on the shell thread, each inside its message's busy and idle.

extension KernelServer {
    func commInfo(_ request: Request) {
        request.reply(["status": "ok", "comms": comms.info(target: request.content["target_name"].stringValue)])
    }

    /// Gives a comm to its target's opener; a comm for a target nobody registered (or with no
    /// target) is closed at once, as ipykernel does.
    func commOpen(_ request: Request) {
        guard let id = request.content["comm_id"].stringValue else {
            log("dropped comm_open without a string comm_id")
            return
        }
        guard let target = request.content["target_name"].stringValue else {
            return refuse(id, request, because: "its comm_open has no string target_name")
        }
        guard comms.comm(id: id) == nil else {
            log("ignored comm_open for '\(id)': a comm with that id is already open")
            return
        }
        guard let opener = comms.opener(for: target) else {
            return refuse(id, request, because: "no target '\(target)' is registered")
        }
        let comm = Comm(id: id, targetName: target, manager: comms)
        comms.add(comm)
        serveComm(request) { opener(comm, $0) }
    }

    /// Answers a `comm_open` the kernel cannot take with `comm_close`, so the front end forgets it.
    private func refuse(_ id: String, _ request: Request, because reason: String) {
        log("closed comm '\(id)': \(reason)")
        request.publish("comm_close", ["comm_id": .string(id), "data": [:]])
    }

    func commMessage(_ request: Request) {
        guard let comm = openComm(request) else { return }
        serveComm(request) { comm.onMessage?($0) }
    }

    /// The front end closed a comm: it is forgotten first, so its `onClose` cannot send on it.
    func commClose(_ request: Request) {
        guard let comm = openComm(request) else { return }
        comms.forget(comm)
        serveComm(request) { comm.onClose?($0) }
    }

    /// The open comm a `comm_msg` or `comm_close` names, or nil (logged) if there is none.
    private func openComm(_ request: Request) -> Comm? {
        guard let id = request.content["comm_id"].stringValue else {
            log("ignored \(request.message.type) without a string comm_id")
            return nil
        }
        guard let comm = comms.comm(id: id) else {
            log("ignored \(request.message.type) for comm '\(id)': no comm with that id is open")
            return nil
        }
        return comm
    }

    /// Runs a language callback for a comm message, with that message as the parent of what it sends.
    private func serveComm(_ request: Request, _ callback: (CommMessage) -> Void) {
        // A message handled between requests starts afresh, as a cell does; one handled inside a
        // running cell keeps the cell's interrupt, which is meant for both.
        if comms.serving.isEmpty { interruption.reset() }
        let publisher = CellPublisher(request: request, silent: false) { _, _ throws(InputError) in
            throw InputError.notAllowed
        }
        let message = CommMessage(
            data: request.content["data"] == .null ? [:] : request.content["data"],
            metadata: request.message.metadata, buffers: request.message.buffers,
            publisher: publisher, isInterrupted: { [interruption] in interruption.isRaised },
            finish: request.publishIdle)
        comms.serving.append(request.message)
        defer { comms.serving.removeLast() }
        callback(message)
    }

    /// What `CommManager.deliverPending` does: handles the comm messages waiting on shell, in order,
    /// up to the first other request, which is kept (with all after it) for when the running one ends.
    func deliverPendingComms() {
        guard let channel = shellChannel, let iopub = shellIOPub else { return }
        while !isShuttingDown {
            if let waiting = deferred.first {
                guard CommManager.messageTypes.contains(waiting.type) else { return }
                deferred.removeFirst()
                dispatch(waiting, on: channel, iopub: iopub, handlers: shellHandlers)
                continue
            }
            guard let message = channel.receive(blocking: false) else { return }
            if CommManager.messageTypes.contains(message.type) {
                dispatch(message, on: channel, iopub: iopub, handlers: shellHandlers)
            } else {
                deferred.append(message)
                return
            }
        }
    }
}
