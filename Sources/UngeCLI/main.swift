import Foundation

// The executable's policy, not the store's: anything this process or a child (the editor) creates
// is private to the user. The store sets its own modes (0600, 0700) whatever the umask.
umask(0o077)
MemoryTuning.apply()
let environment = ProcessInfo.processInfo.environment
let invalid = InputSafety.invalidUTF8Arguments()
if !invalid.isEmpty {
    FileHandle.standardError.write(Data((InputSafety.invalidUTF8Message(invalid) + "\n").utf8))
    exit(ExitCode.usage)
}
let status = Unge.run(
    Array(CommandLine.arguments.dropFirst()), environment: environment, console: .standard(environment: environment))
exit(status)
