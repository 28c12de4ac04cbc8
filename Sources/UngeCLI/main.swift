import Foundation

exit(Unge.main(Array(CommandLine.arguments.dropFirst())))
