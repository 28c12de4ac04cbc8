import Dispatch

/// Independent work on many items (case files, index lines), spread over the cores.
enum Parallel {
    /// `transform(i)` for each `i` in `0..<count`, in order, computed in `chunks` contiguous parts at
    /// once. Many small parts rather than one per core: Dispatch hands them to whichever thread is
    /// free, so a core busy with another process does not hold up the rest. With one part, it runs on
    /// the calling thread.
    static func map<T>(_ count: Int, chunks: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard chunks > 1, count > 1 else { return (0..<count).map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for i in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                    out[i] = transform(i)
                }
            }
        }
        return results.map { $0! }
    }
}
