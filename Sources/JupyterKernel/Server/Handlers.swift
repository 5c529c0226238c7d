
// The dispatch tables: one handler per message type. Busy and idle are published around each by
// `KernelServer.dispatch`, so handlers only reply and publish their own outputs.

extension KernelServer {
    var shellHandlers: [String: Handler] {
        [
            "kernel_info_request": { $0.kernelInfo($1) },
            "execute_request": { $0.execute($1) },
            "complete_request": { $0.complete($1) },
            "inspect_request": { $0.inspect($1) },
            "is_complete_request": { $0.isComplete($1) },
            "history_request": { $0.history($1) },
            "comm_info_request": { $0.commInfo($1) },
            "comm_open": { $0.commOpen($1) },
            "comm_msg": { $0.commMessage($1) },
            "comm_close": { $0.commClose($1) },
            "shutdown_request": { $0.shutdown($1) },
            "interrupt_request": { $0.interrupt($1) },
        ]
    }

    /// Control serves what must work while a cell runs; it never touches the interpreter's state.
    var controlHandlers: [String: Handler] {
        [
            "kernel_info_request": { $0.kernelInfo($1) },
            "shutdown_request": { $0.shutdown($1) },
            "interrupt_request": { $0.interrupt($1) },
        ]
    }

    func kernelInfo(_ request: Request) {
        let info = languageInfo
        request.reply([
            "status": "ok",
            "protocol_version": .string(jupyterProtocolVersion),
            "implementation": .string(info.implementation),
            "implementation_version": .string(info.implementationVersion),
            "language_info": [
                "name": .string(info.name),
                "version": .string(info.version),
                "mimetype": .string(info.mimetype),
                "file_extension": .string(info.fileExtension),
                "pygments_lexer": .string(info.pygmentsLexer),
                "codemirror_mode": .string(info.codemirrorMode),
            ],
            "banner": .string(info.banner),
            "help_links": .array(info.helpLinks.map { ["text": .string($0.text), "url": .string($0.url)] }),
            "debugger": false,
        ])
    }

    func execute(_ request: Request) {
        let code = request.content["code"].stringValue ?? ""
        let silent = request.content["silent"].boolValue ?? false
        let storeHistory = silent ? false : (request.content["store_history"].boolValue ?? true)
        let stopOnError = request.content["stop_on_error"].boolValue ?? true
        if storeHistory { executionCount += 1 }
        let count = executionCount
        if !silent {
            request.publish("execute_input", ["code": .string(code), "execution_count": .int(count)])
        }

        interruption.reset()
        let allowStdin = request.content["allow_stdin"].boolValue ?? true
        let publisher = CellPublisher(request: request, silent: silent) { [self] prompt, password throws(InputError) in
            guard allowStdin, let stdin else { throw InputError.notAllowed }
            // What the cell printed must be on screen before the prompt.
            if let relay { request.iopub.flush(through: relay) }
            return try stdin.requestInput(
                prompt: prompt, password: password, for: request.message, factory: factory,
                isInterrupted: { interruption.isRaised }, isShuttingDown: { isShuttingDown })
        }
        // What the cell sends on comms has this request as its parent.
        comms.serving.append(request.message)
        let outcome = interpreter.execute(
            code: code, executionCount: count, silent: silent, origin: CellOrigin(metadata: request.message.metadata),
            publisher: publisher,
            isInterrupted: { [interruption] in interruption.isRaised })
        comms.serving.removeLast()

        switch outcome {
        case let .success(result):
            if let value = result.value, !silent {
                request.publish("execute_result", [
                    "execution_count": .int(count), "data": .object(value.data), "metadata": .object(value.metadata),
                ])
            }
            if storeHistory { history.record(line: count, input: code, output: result.value?.data["text/plain"]?.stringValue) }
            request.reply([
                "status": "ok", "execution_count": .int(count),
                "payload": .array(result.payloads), "user_expressions": [:],
            ])
        case let .failure(error):
            let traceback = JSON.array(error.traceback.map(JSON.string))
            if !silent {
                request.publish("error", ["ename": .string(error.name), "evalue": .string(error.value), "traceback": traceback])
            }
            if storeHistory { history.record(line: count, input: code, output: nil) }
            // The queue is taken before the reply goes out: a client that sends its next request
            // on receiving this reply must not see that request aborted.
            let queued = stopOnError ? queuedExecutions(on: request.channel) : []
            request.reply([
                "status": "error", "execution_count": .int(count),
                "ename": .string(error.name), "evalue": .string(error.value), "traceback": traceback,
            ])
            abort(queued, on: request.channel, iopub: request.iopub)
        }
    }

    /// After a failed cell, the executions already queued behind it are answered `aborted`,
    /// as a notebook's "run all" expects; other queued requests are served as usual.
    private func queuedExecutions(on channel: ReplyChannel) -> [Message] {
        // Requests the cell set aside while it handled comm messages (`deliverPendingComms`) came first.
        var executions = deferred.filter { $0.type == "execute_request" }
        deferred.removeAll { $0.type == "execute_request" }
        while let message = channel.receive(blocking: false) {
            if message.type == "execute_request" { executions.append(message) } else { deferred.append(message) }
        }
        return executions
    }

    private func abort(_ executions: [Message], on channel: ReplyChannel, iopub: IOPubSender) {
        for message in executions {
            iopub.publishStatus("busy", parent: message)
            channel.reply(to: message, content: ["status": "aborted", "execution_count": .int(executionCount)])
            iopub.publishStatus("idle", parent: message)
        }
    }

    func complete(_ request: Request) {
        let code = request.content["code"].stringValue ?? ""
        let cursor = request.content["cursor_pos"].intValue ?? code.unicodeScalars.count
        let completion = interpreter.complete(code: code, cursor: cursor)
        request.reply([
            "status": "ok",
            "matches": .array(completion.matches.map(JSON.string)),
            "cursor_start": .int(completion.cursorStart),
            "cursor_end": .int(completion.cursorEnd),
            "metadata": .object(completion.metadata),
        ])
    }

    func inspect(_ request: Request) {
        let code = request.content["code"].stringValue ?? ""
        let cursor = request.content["cursor_pos"].intValue ?? code.unicodeScalars.count
        let detail = request.content["detail_level"].intValue ?? 0
        let bundle = interpreter.inspect(code: code, cursor: cursor, detailLevel: detail)
        request.reply([
            "status": "ok",
            "found": .bool(bundle != nil),
            "data": .object(bundle?.data ?? [:]),
            "metadata": .object(bundle?.metadata ?? [:]),
        ])
    }

    func isComplete(_ request: Request) {
        let code = request.content["code"].stringValue ?? ""
        switch interpreter.isComplete(code: code) {
        case .complete: request.reply(["status": "complete"])
        case let .incomplete(indent): request.reply(["status": "incomplete", "indent": .string(indent)])
        case .invalid: request.reply(["status": "invalid"])
        case .unknown: request.reply(["status": "unknown"])
        }
    }

    func history(_ request: Request) {
        request.reply(["status": "ok", "history": .array(history.answer(request.content))])
    }

    func shutdown(_ request: Request) {
        let content: JSON = ["status": "ok", "restart": .bool(request.content["restart"].boolValue ?? false)]
        request.reply(content)
        request.publish("shutdown_reply", content)
        requestShutdown()
    }

    func interrupt(_ request: Request) {
        interruption.raise()
        request.reply(["status": "ok"])
    }
}

/// Publishes a running cell's outputs on IOPub, tied to its request; silent cells publish nothing.
final class CellPublisher: OutputPublisher, @unchecked Sendable {
    typealias InputRequester = (_ prompt: String, _ password: Bool) throws(InputError) -> String
    private let request: Request
    private let silent: Bool
    private let requestInput: InputRequester
    /// The request's header, serialized once: every print carries it to the relay.
    private let parentHeader: Data

    init(request: Request, silent: Bool, requestInput: @escaping InputRequester) {
        self.request = request
        self.silent = silent
        self.requestInput = requestInput
        parentHeader = request.message.header.serialized()
    }

    func readInput(prompt: String, password: Bool) throws(InputError) -> String {
        try requestInput(prompt, password)
    }

    func write(_ text: String, to stream: OutputStream) {
        guard !silent, !text.isEmpty else { return }
        request.iopub.publishStream(stream.rawValue, text, parentHeader: parentHeader)
    }

    func display(_ bundle: MIMEBundle, displayID: String?) {
        guard !silent else { return }
        request.publish("display_data", Self.content(bundle, displayID: displayID))
    }

    func update(_ bundle: MIMEBundle, displayID: String) {
        guard !silent else { return }
        request.publish("update_display_data", Self.content(bundle, displayID: displayID))
    }

    func clearOutput(wait: Bool) {
        guard !silent else { return }
        request.publish("clear_output", ["wait": .bool(wait)])
    }

    private static func content(_ bundle: MIMEBundle, displayID: String?) -> JSON {
        var content: [String: JSON] = ["data": .object(bundle.data), "metadata": .object(bundle.metadata)]
        content["transient"] = displayID.map { ["display_id": .string($0)] } ?? [:]
        return .object(content)
    }
}
