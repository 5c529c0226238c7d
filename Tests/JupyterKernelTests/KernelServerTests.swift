import Foundation
import Testing

@testable import JupyterKernel

/// The real server and handlers over the in-memory transport, with signed messages and a fake language.
@Suite("Kernel server: dispatch, execution, replies")
struct KernelServerTests {
    @Test func busyAndIdleWrapEveryRequestInOrderWithItsParent() throws {
        let kernel = KernelHarness()
        kernel.start()
        let requests = [
            kernel.send("kernel_info_request"),
            kernel.execute("print hello"),
            kernel.send("complete_request", ["code": "ab", "cursor_pos": 2]),
        ]
        for request in requests {
            let reply = try #require(kernel.next())
            #expect(reply.parentID == request.id)
            #expect(reply.identities == [KernelHarness.clientIdentity])
        }
        let published = kernel.iopub(through: requests[2])
        // Before the first request only the kernel's own `starting` and the welcome may come.
        let unparented = published.prefix { $0.parentID == nil }
        #expect(Set(unparented.map(\.type)).isSubset(of: ["status", "iopub_welcome"]))
        #expect(unparented.contains { $0.executionState == "starting" })
        let rest = Array(published.dropFirst(unparented.count))
        #expect(rest.allSatisfy { $0.type != "iopub_welcome" })

        var expected: [(String, String)] = []
        for (request, outputs) in zip(requests, [[], ["execute_input", "stream"], []]) {
            expected += [("busy", request.id)] + outputs.map { ($0, request.id) } + [("idle", request.id)]
        }
        let seen = rest.map { ($0.executionState ?? $0.type, $0.parentID ?? "") }
        #expect(seen.map(\.0) == expected.map(\.0))
        #expect(seen.map(\.1) == expected.map(\.1))
        let stream = try #require(rest.first { $0.type == "stream" })
        #expect(stream.content == ["name": "stdout", "text": "hello\n"])
        #expect(kernel.stop())
    }

    @Test func theCellsIdAndTheDeletedCellsReachTheInterpreter() throws {
        let kernel = KernelHarness()
        kernel.start()
        var message = kernel.request("execute_request", ["code": "a"])
        // As JupyterLab sends them; a malformed entry is ignored, not fatal.
        message.metadata = ["cellId": "cell-2", "deletedCells": ["cell-1", 7, "cell-0"], "recordTiming": false]
        kernel.transport.send(kernel.encoder.encode(message), on: .shell)
        #expect(try #require(kernel.next()).content["status"] == "ok")
        kernel.execute("b")
        #expect(try #require(kernel.next()).content["status"] == "ok")
        #expect(kernel.interpreter.executed.map(\.origin) == [
            CellOrigin(cellID: "cell-2", deletedCellIDs: ["cell-1", "cell-0"]), CellOrigin(),
        ])
        #expect(kernel.stop())
    }

    @Test func executionCountAdvancesOnlyForCellsThatStoreHistory() throws {
        let kernel = KernelHarness()
        kernel.start()
        let cells: [(String, [String: JSON], Int)] = [
            ("a", [:], 1),
            ("b", ["silent": true], 1),
            ("c", ["store_history": false], 1),
            ("d", ["silent": true, "store_history": true], 1),  // silent never stores history
            ("value", [:], 2),
        ]
        for (code, options, count) in cells {
            let request = kernel.execute(code, options)
            let reply = try #require(kernel.next())
            #expect(reply.parentID == request.id)
            #expect(reply.content["status"] == "ok")
            #expect(reply.content["execution_count"] == .int(count), "\(code) \(options)")
        }
        #expect(kernel.interpreter.executed.map(\.executionCount) == [1, 1, 1, 1, 2])
        #expect(kernel.interpreter.executed.map(\.silent) == [false, true, false, true, false])

        let last = kernel.iopub(through: kernel.execute("print x"))
        #expect(try #require(kernel.next()).content["execution_count"] == 3)
        // Silent cells publish neither their input nor their output.
        let inputs = last.filter { $0.type == "execute_input" }.map { $0.content["code"].stringValue ?? "" }
        #expect(inputs == ["a", "c", "value", "print x"])
        let result = try #require(last.first { $0.type == "execute_result" })
        #expect(result.content["execution_count"] == 2)
        #expect(result.content["data"] == ["text/plain": "42"])
        #expect(kernel.stop())
    }

    @Test func anErrorAbortsTheExecutionsQueuedBehindItAndTheKernelResumes() throws {
        let kernel = KernelHarness()
        // Queued before the kernel reads anything, so they are all waiting when `fail` fails.
        let failing = kernel.execute("fail")
        let second = kernel.execute("print never")
        let info = kernel.send("kernel_info_request")
        let third = kernel.execute("value")
        kernel.start()

        let error = try #require(kernel.next())
        #expect(error.parentID == failing.id)
        #expect(error.content["status"] == "error")
        #expect(error.content["ename"] == "FakeError")
        #expect(error.content["evalue"] == "it failed")
        #expect(error.content["traceback"] == ["FakeError: it failed"])
        for aborted in [second, third] {
            let reply = try #require(kernel.next())
            #expect(reply.parentID == aborted.id)
            #expect(reply.content == ["status": "aborted", "execution_count": 1])
        }
        // Other requests queued behind the error are served as usual, after the aborts.
        let infoReply = try #require(kernel.next())
        #expect(infoReply.parentID == info.id)
        #expect(infoReply.content["status"] == "ok")
        #expect(kernel.interpreter.executed.map(\.code) == ["fail"])

        let published = kernel.iopub(through: info)
        for aborted in [second, third] {
            let states = published.filter { $0.parentID == aborted.id }.map { $0.executionState ?? $0.type }
            #expect(states == ["busy", "idle"])
        }
        let errors = published.filter { $0.type == "error" }
        #expect(errors.count == 1 && errors[0].parentID == failing.id)

        let later = kernel.execute("value")
        let reply = try #require(kernel.next())
        #expect(reply.parentID == later.id)
        #expect(reply.content["status"] == "ok")
        #expect(reply.content["execution_count"] == 2)
        #expect(kernel.stop())
    }

    @Test func withoutStopOnErrorTheQueuedExecutionsRun() throws {
        let kernel = KernelHarness()
        kernel.execute("fail", ["stop_on_error": false])
        let next = kernel.execute("value")
        kernel.start()
        #expect(try #require(kernel.next()).content["status"] == "error")
        let reply = try #require(kernel.next())
        #expect(reply.parentID == next.id)
        #expect(reply.content["status"] == "ok")
        #expect(reply.content["execution_count"] == 2)
        #expect(kernel.stop())
    }

    @Test(arguments: [KernelChannel.shell, .control])
    func kernelInfoReplyCarriesTheLanguagesFacts(channel: KernelChannel) throws {
        let kernel = KernelHarness()
        kernel.start()
        let request = kernel.send("kernel_info_request", on: channel)
        let reply = try #require(kernel.next(on: channel))
        #expect(reply.type == "kernel_info_reply")
        #expect(reply.parentID == request.id)
        #expect(reply.content == [
            "status": "ok", "protocol_version": "5.3",
            "implementation": "fakelang", "implementation_version": "4.5.6",
            "language_info": [
                "name": "fake", "version": "1.2.3", "mimetype": "text/x-fake", "file_extension": ".fake",
                "pygments_lexer": "fakelex", "codemirror_mode": "fakemode",
            ],
            "banner": "Fake 1.2.3",
            "help_links": [["text": "Fake docs", "url": "https://example.org/fake"]],
            "debugger": false,
        ])
        #expect(kernel.stop())
    }

    @Test func completeInspectAndIsCompleteAreAnsweredByTheInterpreter() throws {
        let kernel = KernelHarness()
        kernel.start()
        func ask(_ type: String, _ content: JSON) throws -> JSON {
            let request = kernel.send(type, content)
            let reply = try #require(kernel.next())
            #expect(reply.parentID == request.id)
            #expect(reply.type == type.replacingOccurrences(of: "_request", with: "_reply"))
            return reply.content
        }
        #expect(try ask("complete_request", ["code": "pri", "cursor_pos": 3]) == [
            "status": "ok", "matches": ["pri-one", "pri-two"], "cursor_start": 1, "cursor_end": 3, "metadata": ["m": 1],
        ])
        #expect(try ask("inspect_request", ["code": "known", "cursor_pos": 2, "detail_level": 1]) == [
            "status": "ok", "found": true, "data": ["text/plain": "known at 2, detail 1"], "metadata": [:],
        ])
        #expect(try ask("inspect_request", ["code": "nothing", "cursor_pos": 0]) == [
            "status": "ok", "found": false, "data": [:], "metadata": [:],
        ])
        #expect(try ask("is_complete_request", ["code": "x = 1"]) == ["status": "complete"])
        #expect(try ask("is_complete_request", ["code": "open {"]) == ["status": "incomplete", "indent": "    "])
        #expect(try ask("is_complete_request", ["code": "}"]) == ["status": "invalid"])
        #expect(try ask("is_complete_request", ["code": "?"]) == ["status": "unknown"])
        #expect(kernel.stop())
    }

    @Test(arguments: [KernelChannel.shell, .control])
    func shutdownRequestIsAnsweredPublishedAndEndsTheServer(channel: KernelChannel) throws {
        let kernel = KernelHarness()
        kernel.start()
        let request = kernel.send("shutdown_request", ["restart": true], on: channel)
        let reply = try #require(kernel.next(on: channel))
        #expect(reply.type == "shutdown_reply")
        #expect(reply.parentID == request.id)
        #expect(reply.content == ["status": "ok", "restart": true])
        #expect(kernel.waitUntilStopped())
        // The server has stopped: all it published is queued.
        let published = Array(sequence(state: kernel) { $0.next(on: .iopub, timeout: 0) })
        let broadcast = try #require(published.first { $0.type == "shutdown_reply" })
        #expect(broadcast.content == ["status": "ok", "restart": true])
        #expect(broadcast.parentID == request.id)
        // On shell, the shell thread publishes idle before it stops the relay; on control the
        // idle races the relay's stop (as it does over ZeroMQ), so it is not required there.
        if channel == .shell {
            #expect(published.last.map { $0.executionState == "idle" && $0.parentID == request.id } == true)
        }
    }

    @Test func heartbeatPingsAreEchoed() throws {
        let kernel = KernelHarness()
        kernel.start()
        kernel.transport.send([Data("ping".utf8)], on: .heartbeat)
        #expect(kernel.transport.receive(on: .heartbeat, timeout: 10) == [Data("ping".utf8)])
        #expect(kernel.stop())
    }
}
