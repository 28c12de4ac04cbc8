import Foundation

/// How this process asks glibc for memory; set once, first thing in `main.swift`.
enum MemoryTuning {
    static func apply() {
        #if canImport(Glibc)
            // A listing of thousands of cases builds arrays of a few MiB, one after another. glibc gives each
            // such array its own mmap and returns it at free, so every one costs fresh page faults (a tenth
            // of `unge liste`'s time at 10,000 cases); kept on the heap, freed memory is reused instead.
            // One arena for all threads: a listing parses its index on one thread and uses it on another,
            // and memory freed in one thread's arena is not reused by the others (a listing's peak would
            // grow by a few MiB). `mallopt` is not in the Glibc module (malloc.h): looked up by name.
            // M_TRIM_THRESHOLD = -1, M_TOP_PAD = -2, M_MMAP_THRESHOLD = -3, M_ARENA_MAX = -8.
            if let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
                let mallopt = unsafeBitCast(f, to: (@convention(c) (Int32, Int32) -> Int32).self)
                _ = mallopt(-3, 64 << 20)
                _ = mallopt(-1, 256 << 20)
                _ = mallopt(-2, 16 << 20)
                _ = mallopt(-8, 1)
            }
        #endif
    }
}
