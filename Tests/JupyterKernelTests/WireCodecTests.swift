import Foundation
import Testing

@testable import JupyterKernel

@Suite("Wire codec: signing, verification, replay and malformed frames")
struct WireCodecTests {
    let factory = MessageFactory(session: "test-session", username: "tester")

    func sampleMessage(_ code: String = "1 + 1") -> Message {
        factory.make("execute_request", content: ["code": .string(code)], parent: nil, identities: [Data("client".utf8)])
    }

    @Test func encodedMessagesDecodeToTheSameContent() throws {
        let codec = WireCodec(key: "secret")
        let message = sampleMessage()
        let decoded = try codec.decode(codec.encode(message))
        #expect(decoded.identities == [Data("client".utf8)])
        #expect(decoded.type == "execute_request")
        #expect(decoded.content["code"] == "1 + 1")
        #expect(decoded.header == message.header)
    }

    @Test func signatureIsHMACSHA256OfTheFourParts() {
        // Reference value from Python: hmac.new(b"key", b"abcd", hashlib.sha256).hexdigest()
        let signer = MessageSigner(key: "key")
        let signature = signer.signature(for: ["a", "b", "c", "d"].map { Data($0.utf8) })
        #expect(signature == "2a31ec0ee8d878c9eece9fb0df79b3b90b2256240163aa5ee50d176d3d1121f8")
        #expect(signer.isValid(signature: Data(signature.utf8), for: ["a", "b", "c", "d"].map { Data($0.utf8) }))
    }

    @Test func aMessageSignedWithAnotherKeyIsRefused() {
        let frames = WireCodec(key: "other").encode(sampleMessage())
        #expect(throws: WireError.badSignature) { try WireCodec(key: "secret").decode(frames) }
    }

    @Test func aTamperedContentIsRefused() {
        let codec = WireCodec(key: "secret")
        var frames = codec.encode(sampleMessage())
        frames[frames.count - 1] = Data(#"{"code":"evil()"}"#.utf8)
        #expect(throws: WireError.badSignature) { try codec.decode(frames) }
    }

    @Test func aMissingSignatureIsRefused() {
        let codec = WireCodec(key: "secret")
        var frames = codec.encode(sampleMessage())
        frames[2] = Data()
        #expect(throws: WireError.badSignature) { try codec.decode(frames) }
    }

    @Test func aReplayedMessageIsRefusedOnAnyChannel() throws {
        let guardShared = ReplayGuard()
        let shell = WireCodec(key: "secret", replayGuard: guardShared)
        let control = WireCodec(key: "secret", replayGuard: guardShared)
        let frames = shell.encode(sampleMessage())
        _ = try shell.decode(frames)
        #expect(throws: WireError.replayedSignature) { try shell.decode(frames) }
        #expect(throws: WireError.replayedSignature) { try control.decode(frames) }
    }

    @Test func theReplayHistoryIsBoundedAndForgetsTheOldestFirst() {
        let history = ReplayGuard(capacity: 2)
        let codes = (0..<6).map { index in Data(repeating: UInt8(index), count: 32) }
        #expect(history.admit(codes[0]))
        #expect(history.admit(codes[1]))
        #expect(!history.admit(codes[0]))
        #expect(history.admit(codes[2]))
        #expect(!history.admit(codes[0]))  // still remembered: at least `capacity` are kept
        #expect(history.admit(codes[3]))
        #expect(history.admit(codes[4]))
        #expect(history.admit(codes[5]))
        #expect(history.admit(codes[0]))  // forgotten after more than 2 × `capacity` newer ones
        #expect(!history.admit(codes[5]))
    }

    @Test func theDefaultWindowIsAtLeastJupyterClients() {
        let history = ReplayGuard()
        #expect(history.capacity >= 1 << 16)
        let first = Data(repeating: 7, count: 32)
        #expect(history.admit(first))
        for index in 0..<(1 << 16) {
            var code = Data(count: 32)
            withUnsafeBytes(of: UInt64(index).bigEndian) { code.replaceSubrange(0..<8, with: $0) }
            code[15] = 1
            #expect(history.admit(code))
        }
        #expect(!history.admit(first))  // 65,536 messages later, still refused
    }

    /// The old guard keyed on the first 32 hex characters, folding letters with `& 0xF`: an
    /// upper-cased or otherwise respelled signature was a new key for the same MAC.
    @Test func aReplayIsRefusedInEverySpellingOfItsSignature() throws {
        let codec = WireCodec(key: "secret")
        let frames = codec.encode(sampleMessage())
        _ = try codec.decode(frames)
        let signature = String(decoding: frames[2], as: UTF8.self)
        let spellings = [
            signature.uppercased(), String(signature.prefix(32)).uppercased() + signature.dropFirst(32),
            String(signature.prefix(32)) + signature.dropFirst(32).uppercased(), signature + "0", " " + signature,
        ]
        for spelling in spellings where spelling != signature {
            var respelled = frames
            respelled[2] = Data(spelling.utf8)
            #expect(throws: WireError.self) { try codec.decode(respelled) }
        }
        #expect(throws: WireError.replayedSignature) { try codec.decode(frames) }
    }

    @Test func anUpperCaseSignatureDoesNotVerify() {
        let signer = MessageSigner(key: "key")
        let parts = ["a", "b", "c", "d"].map { Data($0.utf8) }
        let signature = signer.signature(for: parts)
        #expect(signer.isValid(signature: Data(signature.utf8), for: parts))
        #expect(!signer.isValid(signature: Data(signature.uppercased().utf8), for: parts))
    }

    @Test func unsignedMessagesAreAcceptedWithAnEmptyKey() throws {
        let codec = WireCodec(key: "")
        let frames = codec.encode(sampleMessage())
        #expect(frames[2].isEmpty)
        _ = try codec.decode(frames)
        _ = try codec.decode(frames)  // no replay check without signatures, as in jupyter_client
    }

    @Test func malformedFramesAreRefusedWithTheReason() {
        let codec = WireCodec(key: "")
        let delimiter = Data("<IDS|MSG>".utf8)
        let empty = Data("{}".utf8)
        #expect(throws: WireError.missingDelimiter) { try codec.decode([Data("hello".utf8)]) }
        #expect(throws: WireError.tooFewFrames(count: 2)) { try codec.decode([delimiter, Data(), empty]) }
        #expect(throws: WireError.malformedJSON(frame: "header")) {
            try codec.decode([delimiter, Data(), Data("{oops".utf8), empty, empty, empty])
        }
        #expect(throws: WireError.notAnObject(frame: "content")) {
            try codec.decode([delimiter, Data(), empty, empty, empty, Data("[1]".utf8)])
        }
        #expect(throws: WireError.missingHeaderField("msg_id")) {
            try codec.decode([delimiter, Data(), empty, empty, empty, empty])
        }
        #expect(throws: WireError.malformedJSON(frame: "header")) {
            try codec.decode([delimiter, Data(), Data([0xFF, 0xFE]), empty, empty, empty])
        }
    }

    @Test func buffersAfterTheContentAreKept() throws {
        let codec = WireCodec(key: "k")
        var message = sampleMessage()
        message.buffers = [Data([1, 2, 3])]
        #expect(try codec.decode(codec.encode(message)).buffers == [Data([1, 2, 3])])
    }
}

@Suite("JSON values")
struct JSONTests {
    @Test func serializationIsCompactSortedAndEscaped() {
        let value: JSON = ["b": [1, 2.5, true, nil], "a": "line\n\"quoted\"\u{1}"]
        #expect(String(decoding: value.serialized(), as: UTF8.self) == #"{"a":"line\n\"quoted\"\u0001","b":[1,2.5,true,null]}"#)
    }

    @Test func parsingKeepsIntegersBooleansAndDoublesApart() throws {
        let value = try JSON.parse(Data(#"{"i": 3, "d": 0.5, "b": false, "s": "é", "n": null}"#.utf8))
        #expect(value["i"] == .int(3))
        #expect(value["d"] == .double(0.5))
        #expect(value["b"] == .bool(false))
        #expect(value["s"] == .string("é"))
        #expect(value["n"] == .null)
    }

    @Test func roundTrip() throws {
        let value: JSON = ["x": ["nested": [1, -2, 3.25]], "unicode": "😀 λ"]
        #expect(try JSON.parse(value.serialized()) == value)
    }

    @Test func nonFiniteDoublesBecomeNull() {
        #expect(String(decoding: JSON.double(.nan).serialized(), as: UTF8.self) == "null")
    }
}

@Suite("History and glob patterns")
struct HistoryTests {
    @Test func globMatching() {
        #expect(Glob("1 + *").matches("1 + 2"))
        #expect(!Glob("1 + *").matches("11 + 2"))
        #expect(Glob("a?c").matches("abc"))
        #expect(Glob("*[xy]").matches("max"))
        #expect(!Glob("*[xy]").matches("mat"))
        #expect(Glob("*").matches(""))
    }

    @Test func tailRangeAndSearch() {
        var history = History()
        for (line, code) in ["a = 1", "b = 2", "a = 1", "c = 3"].enumerated() {
            history.record(line: line + 1, input: code, output: line == 3 ? "3" : nil)
        }
        #expect(history.answer(["hist_access_type": "tail", "n": 2]) == [[1, 3, "a = 1"], [1, 4, "c = 3"]])
        #expect(history.answer(["hist_access_type": "range", "session": 0, "start": 2, "stop": 3]) == [[1, 2, "b = 2"]])
        #expect(history.answer(["hist_access_type": "search", "pattern": "a*"]).count == 2)
        #expect(history.answer(["hist_access_type": "search", "pattern": "a*", "unique": true]) == [[1, 3, "a = 1"]])
        #expect(history.answer(["hist_access_type": "tail", "n": 1, "output": true]) == [[1, 4, ["c = 3", "3"]]])
    }
}

@Suite("Connection files")
struct ConnectionInfoTests {
    @Test func endpointsFollowJupyterConventions() {
        var info = ConnectionInfo(shellPort: 1, iopubPort: 2, stdinPort: 3, controlPort: 4, heartbeatPort: 5, key: "")
        #expect(info.endpoint(port: 1) == "tcp://127.0.0.1:1")
        info.transport = "ipc"
        info.ip = "/tmp/kernel"
        #expect(info.endpoint(port: 4) == "ipc:///tmp/kernel-4")
    }

    @Test func aBadConnectionFileSaysWhatIsWrong() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("regula-bad-\(UUID()).json").path
        try Data(#"{"transport": "udp", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect {
            try ConnectionInfo.load(path: path)
        } throws: { error in
            "\(error)".contains("transport 'udp'")
        }
    }
}
