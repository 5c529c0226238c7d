import Foundation
import Testing

@testable import JupyterKernel

/// Comms, as the messaging spec's "custom messages" define them, through the real server on memory.
@Suite("Kernel server: comms")
struct KernelCommTests {
    /// Each status in `messages` with its parent, in order.
    private func statuses(_ messages: [Message]) -> [String] {
        messages.compactMap { message in message.executionState.map { "\($0) \(message.parentID ?? "")" } }
    }

    /// What `kernel` published for `request`, up to its idle.
    private func published(by request: Message, on kernel: KernelHarness) -> [Message] {
        kernel.iopub(through: request).filter { $0.parentID == request.id }
    }

    @Test func aCommTheFrontEndOpensReceivesItsMessagesAndItsClose() throws {
        let kernel = KernelHarness()
        kernel.start()
        let open = kernel.send("comm_open", ["comm_id": "c1", "target_name": "echo", "data": ["x": 1]])
        #expect(published(by: open, on: kernel).map(\.type) == ["status", "status"])

        let message = kernel.send("comm_msg", ["comm_id": "c1", "data": ["show": "drawn"]])
        let published = kernel.iopub(through: message)
        #expect(statuses(published) == ["busy \(message.id)", "idle \(message.id)"])
        let display = try #require(published.first { $0.type == "display_data" })
        #expect(display.parentID == message.id)
        #expect(display.content["data"] == ["text/plain": "drawn"])
        let echo = try #require(published.first { $0.type == "comm_msg" })
        #expect(echo.parentID == message.id)
        #expect(echo.content == ["comm_id": "c1", "data": ["echo": ["show": "drawn"]]])
        #expect(echo.metadata == ["m": 1])

        let close = kernel.send("comm_close", ["comm_id": "c1", "data": ["why": "done"]])
        #expect(kernel.iopub(through: close).map(\.type) == ["status", "status"])
        #expect(kernel.interpreter.commEvents == [
            #"open c1 {"x":1}"#, #"message c1 {"show":"drawn"}"#, #"close c1 {"why":"done"}"#,
        ])
        kernel.send("comm_info_request")
        #expect(try #require(kernel.next()).content == ["status": "ok", "comms": [:]])
        #expect(kernel.stop())
    }

    @Test func aHandlerThatFinishesEarlyIsIdleOnceBeforeWhatItSendsAfter() throws {
        let kernel = KernelHarness()
        kernel.start()
        _ = kernel.iopub(through: kernel.send("comm_open", ["comm_id": "c1", "target_name": "echo"]))
        let message = kernel.send("comm_msg", ["comm_id": "c1", "data": ["finishEarly": true]])
        #expect(statuses(kernel.iopub(through: message)) == ["busy \(message.id)", "idle \(message.id)"])
        let echo = try #require(kernel.next(on: .iopub))
        #expect(echo.type == "comm_msg" && echo.parentID == message.id)
        // No second idle: the next message on IOPub is the next request's.
        let info = kernel.send("kernel_info_request")
        let after = kernel.iopub(through: info)
        #expect(statuses(after) == ["busy \(info.id)", "idle \(info.id)"])
        #expect(kernel.stop())
    }

    @Test func binaryBuffersGoBothWays() throws {
        let kernel = KernelHarness()
        kernel.start()
        kernel.send("comm_open", ["comm_id": "c1", "target_name": "echo"])
        var message = kernel.request("comm_msg", ["comm_id": "c1", "data": [:]])
        message.buffers = [Data([0, 1, 2]), Data("two".utf8)]
        kernel.transport.send(kernel.encoder.encode(message), on: .shell)
        let echo = try #require(kernel.iopub(through: message).first { $0.type == "comm_msg" })
        #expect(echo.buffers == [Data([0, 1, 2]), Data("two".utf8)])
        #expect(kernel.stop())
    }

    @Test func commInfoListsTheOpenCommsFilteredByTarget() throws {
        let kernel = KernelHarness()
        kernel.start()
        kernel.send("comm_open", ["comm_id": "c1", "target_name": "echo"])
        kernel.send("comm_open", ["comm_id": "c2", "target_name": "echo"])
        let cell = kernel.execute("open thing")
        #expect(try #require(kernel.next()).parentID == cell.id)
        let opened = try #require(kernel.iopub(through: cell).first { $0.type == "comm_open" })
        let thing = try #require(opened.content["comm_id"].stringValue)

        kernel.send("comm_info_request")
        #expect(try #require(kernel.next()).content["comms"] == .object([
            "c1": ["target_name": "echo"], "c2": ["target_name": "echo"], thing: ["target_name": "thing"],
        ]))
        kernel.send("comm_info_request", ["target_name": "echo"])
        #expect(try #require(kernel.next()).content["comms"] == ["c1": ["target_name": "echo"], "c2": ["target_name": "echo"]])
        kernel.send("comm_info_request", ["target_name": "nobody"])
        #expect(try #require(kernel.next()).content == ["status": "ok", "comms": [:]])
        #expect(kernel.stop())
    }

    @Test func aCommTheKernelOpensHasTheCellAsParentAndHearsTheFrontEnd() throws {
        let kernel = KernelHarness()
        kernel.start()
        let cell = kernel.execute("open thing")
        _ = kernel.next()
        let opened = try #require(kernel.iopub(through: cell).first { $0.type == "comm_open" })
        #expect(opened.parentID == cell.id)
        #expect(opened.metadata == ["version": "2"])
        let id = try #require(opened.content["comm_id"].stringValue)
        #expect(opened.content == ["comm_id": .string(id), "target_name": "thing", "data": ["n": 1]])
        #expect(id.count == 32)

        let send = kernel.execute("send thing")
        _ = kernel.next()
        let sent = try #require(kernel.iopub(through: send).first { $0.type == "comm_msg" })
        #expect(sent.parentID == send.id)
        #expect(sent.content == ["comm_id": .string(id), "data": ["n": 2]])

        let answer = kernel.send("comm_msg", ["comm_id": .string(id), "data": ["v": 3]])
        _ = kernel.iopub(through: answer)
        let close = kernel.execute("close thing")
        _ = kernel.next()
        let closed = try #require(kernel.iopub(through: close).first { $0.type == "comm_close" })
        #expect(closed.content == ["comm_id": .string(id), "data": ["bye": true]])
        // Closed by the kernel: onClose is not called, a second close and a send do nothing.
        let again = kernel.execute("close thing")
        _ = kernel.next()
        let resend = kernel.execute("send thing")
        _ = kernel.next()
        #expect(!kernel.iopub(through: again).contains { $0.type == "comm_close" })
        #expect(!kernel.iopub(through: resend).contains { $0.type == "comm_msg" })
        #expect(kernel.log.contains { $0.contains("did not send on comm '\(id)': it is closed") })
        #expect(kernel.interpreter.commEvents == [#"message \#(id) {"v":3}"#])

        // The front end closes the next one: its onClose hears it.
        let reopen = kernel.execute("open thing")
        _ = kernel.next()
        let second = try #require(kernel.iopub(through: reopen).first { $0.type == "comm_open" }?.content["comm_id"])
        let frontClose = kernel.send("comm_close", ["comm_id": second, "data": [:]])
        _ = kernel.iopub(through: frontClose)
        #expect(kernel.interpreter.commEvents.last == "close \(second.stringValue ?? "") {}")
        #expect(kernel.stop())
    }

    @Test func unknownTargetsAndMalformedCommMessagesLeaveTheKernelServing() throws {
        let kernel = KernelHarness()
        kernel.start()
        let unknown = kernel.send("comm_open", ["comm_id": "u1", "target_name": "nobody", "data": [:]])
        let answered = published(by: unknown, on: kernel)
        #expect(answered.map(\.type) == ["status", "comm_close", "status"])
        #expect(answered[1].parentID == unknown.id)
        #expect(answered[1].content == ["comm_id": "u1", "data": [:]])

        let noTarget = kernel.send("comm_open", ["comm_id": "u2"])
        #expect(kernel.iopub(through: noTarget).first { $0.type == "comm_close" }?.content["comm_id"] == "u2")
        let malformed: [(String, JSON)] = [
            ("comm_open", ["target_name": "echo"]), ("comm_open", ["comm_id": 7, "target_name": "echo"]),
            ("comm_msg", ["comm_id": "ghost", "data": [:]]), ("comm_msg", ["data": [:]]),
            ("comm_close", ["comm_id": "ghost"]),
        ]
        for (type, content) in malformed {
            let request = kernel.send(type, content)
            let published = kernel.iopub(through: request)
            #expect(statuses(published) == ["busy \(request.id)", "idle \(request.id)"], "\(type) \(content)")
            #expect(published.count == 2)
        }
        // A second comm_open with an open comm's id is ignored: the first stays open.
        kernel.send("comm_open", ["comm_id": "c1", "target_name": "echo"])
        let twice = kernel.send("comm_open", ["comm_id": "c1", "target_name": "echo", "data": ["again": true]])
        _ = kernel.iopub(through: twice)

        kernel.send("kernel_info_request")
        #expect(try #require(kernel.next()).type == "kernel_info_reply")
        #expect(kernel.interpreter.commEvents == ["open c1 {}"])
        let log = kernel.log
        for line in [
            "closed comm 'u1': no target 'nobody' is registered", 
            "closed comm 'u2': its comm_open has no string target_name",
            "dropped comm_open without a string comm_id", "ignored comm_msg for comm 'ghost': no comm with that id is open",
            "ignored comm_msg without a string comm_id", "ignored comm_close for comm 'ghost': no comm with that id is open",
            "ignored comm_open for 'c1': a comm with that id is already open",
        ] {
            #expect(log.contains("[fakelang] \(line)\n"), "\(line)")
        }
        #expect(kernel.stop())
    }

    @Test func commMessagesAreHandledInOrderWhileACellDeliversThem() throws {
        let kernel = KernelHarness()
        kernel.start()
        kernel.send("comm_open", ["comm_id": "c1", "target_name": "echo"])
        let cell = kernel.execute("pump 3")
        _ = kernel.iopub { $0.type == "stream" && $0.parentID == cell.id }
        let messages = (1...3).map { kernel.send("comm_msg", ["comm_id": "c1", "data": ["n": .int($0)]]) }
        let reply = try #require(kernel.next())
        #expect(reply.parentID == cell.id)
        #expect(reply.content["status"] == "ok")

        let published = kernel.iopub(through: cell)
        // Each message is answered between its own busy and idle, inside the cell's.
        let expected = messages.flatMap { ["busy \($0.id)", "comm_msg \($0.id)", "idle \($0.id)"] } + ["idle \(cell.id)"]
        let seen = published.map { "\($0.executionState ?? $0.type) \($0.parentID ?? "")" }
        #expect(Array(seen.drop { $0 != "busy \(messages[0].id)" }) == expected)
        #expect(kernel.interpreter.commEvents.dropFirst() == [#"message c1 {"n":1}"#, #"message c1 {"n":2}"#, #"message c1 {"n":3}"#])
        #expect(kernel.stop())
    }

    @Test func aRequestQueuedBehindTheCellHoldsBackLaterCommMessages() throws {
        let kernel = KernelHarness()
        // All queued before the kernel reads: the cell finds message 1, then the execute, then message 2.
        kernel.send("comm_open", ["comm_id": "c1", "target_name": "echo"])
        let cell = kernel.execute("pump 2")
        let first = kernel.send("comm_msg", ["comm_id": "c1", "data": ["n": 1]])
        let queued = kernel.execute("value")
        let second = kernel.send("comm_msg", ["comm_id": "c1", "data": ["n": 2]])
        kernel.start()
        _ = kernel.iopub { $0.type == "comm_msg" && $0.parentID == first.id }
        let interrupt = kernel.send("interrupt_request", on: .control)
        _ = kernel.next(on: .control)

        let cellReply = try #require(kernel.next())
        #expect(cellReply.parentID == cell.id)
        #expect(cellReply.content["ename"] == "Interrupted")
        // The cell failed: the execute it set aside is aborted like any queued behind it.
        let queuedReply = try #require(kernel.next())
        #expect(queuedReply.parentID == queued.id)
        #expect(queuedReply.content["status"] == "aborted")
        let rest = kernel.iopub(through: second)
        let order = rest.filter { $0.executionState == "busy" && $0.parentID != interrupt.id }.map(\.parentID)
        #expect(order == [queued.id, second.id])
        #expect(kernel.interpreter.commEvents == ["open c1 {}", #"message c1 {"n":1}"#, #"message c1 {"n":2}"#])
        #expect(kernel.interpreter.executed.map(\.code) == ["pump 2"])
        #expect(kernel.stop())
    }

    @Test func commsAreRefusedOffTheShellThread() throws {
        let kernel = KernelHarness()
        kernel.start()
        let cell = kernel.execute("open elsewhere")
        _ = kernel.next()
        let published = kernel.iopub(through: cell)
        #expect(!published.contains { $0.type == "comm_open" })
        #expect(published.first { $0.type == "stream" }?.content["text"] == "open: false\n")
        #expect(kernel.log.contains {
            $0.contains("could not open a comm for 'thing': comms are used only on the thread that runs the interpreter")
        })
        #expect(kernel.stop())
    }
}
