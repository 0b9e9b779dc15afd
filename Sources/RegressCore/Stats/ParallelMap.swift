import Dispatch
import Foundation

/// `map` over the machine's cores for independent, pure work; the results keep the input's order, so
/// the output is the same as a plain `map`.
enum ParallelMap {
    /// Below this many items the work is done on the calling thread.
    static let minimumCount = 256

    static func map<Element, Result>(_ items: [Element], _ transform: (Element) -> Result) -> [Result] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard items.count >= minimumCount, cores > 1 else { return items.map(transform) }
        let chunks = Swift.min(cores * 4, items.count)
        var results = [Result?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { output in
            items.withUnsafeBufferPointer { input in
                withoutActuallyEscaping(transform) { transform in
                    // Each chunk writes only its own slots of the output.
                    let shared = Shared(input: input, output: output, transform: transform)
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        let start = chunk * shared.input.count / chunks, end = (chunk + 1) * shared.input.count / chunks
                        for index in start..<end { shared.output[index] = shared.transform(shared.input[index]) }
                    }
                }
            }
        }
        return results.map { $0! }
    }

    private struct Shared<Element, Result>: @unchecked Sendable {
        let input: UnsafeBufferPointer<Element>
        let output: UnsafeMutableBufferPointer<Result?>
        let transform: (Element) -> Result
    }
}
