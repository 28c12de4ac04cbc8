import Foundation

let environment = ProcessInfo.processInfo.environment
let status = Unge.run(
    Array(CommandLine.arguments.dropFirst()), environment: environment, console: .standard(environment: environment))
exit(status)
