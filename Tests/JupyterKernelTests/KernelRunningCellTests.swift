import Foundation
import Testing

@testable import JupyterKernel

/// The threads around a running cell: control answers while it runs, stdin carries its input.
@Suite("Kernel server: control and stdin while a cell runs")
struct KernelRunningCellTests {
    @Test func anInterruptOnControlStopsTheRunningCell() throws {
        let kernel = KernelHarness()
        kernel.start()
        let cell = kernel.execute("spin")
        // Once the cell runs, control must answer while the shell thread is busy with it.
        _ = kernel.iopub { $0.type == "stream" && $0.parentID == cell.id }
        let info = kernel.send("kernel_info_request", on: .control)
        #expect(try #require(kernel.next(on: .control)).parentID == info.id)
        #expect(kernel.interpreter.executed.map(\.code) == ["spin"])
        kernel.send("interrupt_request", on: .control)
        #expect(try #require(kernel.next(on: .control)).content == ["status": "ok"])
        let reply = try #require(kernel.next())
        #expect(reply.parentID == cell.id)
        #expect(reply.content["ename"] == "Interrupted")
        #expect(kernel.stop())
    }

    @Test func inputIsAskedOfTheFrontEndThatSentTheCell() throws {
        let kernel = KernelHarness()
        kernel.start()
        let cell = kernel.execute("input")
        let ask = try #require(kernel.next(on: .stdin))
        #expect(ask.type == "input_request")
        #expect(ask.identities == [KernelHarness.clientIdentity])
        #expect(ask.parentID == cell.id)
        #expect(ask.content == ["prompt": "name? ", "password": false])
        kernel.send("input_reply", ["value": "Ada"], on: .stdin)
        #expect(try #require(kernel.next()).content["status"] == "ok")
        let stream = kernel.iopub(through: cell).first { $0.type == "stream" }
        #expect(stream?.content == ["name": "stdout", "text": "got Ada\n"])

        let refused = kernel.execute("input", ["allow_stdin": false])
        let reply = try #require(kernel.next())
        #expect(reply.parentID == refused.id)
        #expect(reply.content["evalue"] == "notAllowed")
        #expect(kernel.stop())
    }
}
