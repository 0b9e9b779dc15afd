import Foundation

#if LIBFUZZER
/// libFuzzer's entry point (`swift build -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLIBFUZZER`); the
/// target is named by `REGRESS_FUZZ_TARGET` (json, csv, markdown, detect, policy). `ci/fuzz` runs it.
let fuzzTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["REGRESS_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("set REGRESS_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer's driver, which parses its own options (`-max_total_time=60 CORPUS`) and calls back per input.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
struct RegressFuzz {
    static func main() {
        _ = fuzzTarget
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { data, size in
            fuzzTarget.run(size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        })
    }
}
#else
/// Without libFuzzer: a seeded random-mutation driver over the fixtures, in process.
/// `regress-fuzz TARGET [SECONDS] [SEED]`. Before each input runs it is written to
/// `.build/fuzz/TARGET-current`, so a crash leaves its input behind; an input that runs longer than
/// 10 seconds is reported as a hang.
@main
struct RegressFuzz {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: regress-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) [SECONDS] [SEED]")
            exit(2)
        }
        let seconds = arguments.dropFirst().first.flatMap(Double.init) ?? 10
        var random = Mutator(seed: arguments.dropFirst(2).first.flatMap(UInt64.init) ?? 1)
        let root = FileManager.default.currentDirectoryPath
        let seeds = target.seeds(packageRoot: root)
        try? FileManager.default.createDirectory(atPath: root + "/.build/fuzz", withIntermediateDirectories: true)
        let current = root + "/.build/fuzz/\(name)-current"
        Watchdog.start(input: current)
        let deadline = Date().addingTimeInterval(seconds)
        var runs = 0
        while Date() < deadline {
            let input = random.mutate(seeds[random.next(seeds.count)], donor: seeds[random.next(seeds.count)])
            _ = FileManager.default.createFile(atPath: current, contents: Data(input))
            Watchdog.arm()
            target.run(input)
            runs += 1
        }
        try? FileManager.default.removeItem(atPath: current)
        print("regress-fuzz \(name): \(runs) inputs in \(Int(seconds)) s from \(seeds.count) seeds, no crash and no hang")
    }
}

/// Ends the process with a message when one input runs longer than 10 seconds.
enum Watchdog {
    nonisolated(unsafe) static var inputPath = ""
    static func start(input: String) {
        inputPath = input
        signal(SIGALRM) { _ in
            let message = "regress-fuzz: an input ran longer than 10 s (a hang); it is in \(Watchdog.inputPath)\n"
            FileHandle.standardError.write(Data(message.utf8))
            _exit(3)
        }
    }
    static func arm() { alarm(10) }
}

/// Mutations of the kinds that break parsers: flipped bits, inserted and deleted bytes, bytes that
/// are syntax in JSON, CSV, Markdown or YAML, repeated chunks (deep nesting, long fields) and
/// splices of two seeds.
struct Mutator {
    var state: UInt64
    static let tokens: [[UInt8]] = ["\"", "{", "}", "[", "]", ",", ":", "|", "\n", "\r", "\r\n", "\t", "\\", "\\u", "\\uD800",
                                    "-", "e", "1e400", "NaN", "Infinity", "null", "---", "- ", "&a", "*a", "#", "`", "<"].map { Array($0.utf8) }
        + [[0x00], [0xFF], [0xFE, 0xFF], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0xC3], [0x1B, 0x5B]]

    init(seed: UInt64) { state = seed &* 0x9E3779B97F4A7C15 | 1 }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return bound <= 1 ? 0 : Int((state >> 33) % UInt64(bound))
    }

    mutating func mutate(_ seed: [UInt8], donor: [UInt8]) -> [UInt8] {
        var bytes = seed
        for _ in 0...next(8) {
            let at = next(bytes.count + 1)
            switch next(7) {
            case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << next(8))
            case 1 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + 1 + next(16)))
            case 2: bytes.insert(contentsOf: Mutator.tokens[next(Mutator.tokens.count)], at: at)
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, at + 1 + next(8))
                let chunk = Array(bytes[min(at, bytes.count - 1)..<end])
                bytes.insert(contentsOf: Array([[UInt8]](repeating: chunk, count: 1 + next(2000)).joined()), at: at)
            case 4 where !donor.isEmpty:
                let start = next(donor.count)
                bytes.insert(contentsOf: donor[start..<min(donor.count, start + next(256))], at: at)
            case 5: bytes = Array(bytes.prefix(at))
            default: bytes.insert(UInt8(next(256)), at: at)
            }
        }
        return bytes
    }
}
#endif
