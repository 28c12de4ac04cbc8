import Foundation

/// The root of the `unge` command: dispatches to the command table.
enum Unge {
    static func main(_ args: [String]) -> Int32 {
        print("unge")
        return 0
    }
}
